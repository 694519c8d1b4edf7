"""The background-job engine against real brokers: the scaled setup's Redis and the
embedded default's SQLite file. Tasks run in a real Celery worker thread, not eagerly."""

import os
import socket
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction
from kombu import pools

from config.celery import app
from kinerja.org.importing.jobs import import_job_create
from kinerja.org.models import ImportJob, ImportStatus, Unit

UNITS_CSV = (
    b"KODE_UNOR;NAMA_UNOR;KODE_UNOR_INDUK;JENIS_UNOR\nDISHUB;Dinas Perhubungan;SETDA;DINAS\n"
)


def _redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def _use_broker(broker_url: str | None, *, eager: bool) -> None:
    """Point the app at another broker, dropping pooled connections to the old one."""
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    # kombu keeps producer pools per broker address process-wide: without this, the next
    # test on the same Redis address would be handed the pool closed above.
    pools.reset()
    app.conf.update(broker_url=broker_url, task_always_eager=eager, result_backend=None)


def _run_import_check_in_worker(world, settings, broker_url: str) -> ImportJob:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _use_broker(broker_url, eager=False)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            job = import_job_create(
                agency=world.agency, files=[("unor.csv", UNITS_CSV)], actor=None
            )
        for _ in range(200):
            job.refresh_from_db()
            if job.status != ImportStatus.CHECKING:
                break
            time.sleep(0.05)
    _use_broker(None, eager=True)
    return job


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not _redis_available() and "CI" not in os.environ,
    reason="Redis is not running (CI always runs this test)",
)
def test_redis_worker_runs_the_import_dry_run(world, settings):
    job = _run_import_check_in_worker(world, settings, "redis://127.0.0.1:6379/15")

    assert job.status == ImportStatus.READY
    assert job.counts["units"]["create"] == 1
    assert not Unit.objects.filter(code="DISHUB").exists()


@pytest.mark.django_db(transaction=True)
def test_embedded_sqlite_broker_runs_the_import_dry_run(world, settings, tmp_path):
    job = _run_import_check_in_worker(
        world, settings, f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"
    )

    assert job.status == ImportStatus.READY
