"""Bulk evaluation documents on a real Celery worker: the embedded default's SQLite broker
and, when it runs, the scaled setup's Redis. Not eager: the task crosses the broker."""

import os
import time
import zipfile

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from config.celery import app
from kinerja.reporting.batches import document_batch_start, zip_file_path
from kinerja.reporting.models import BatchStatus, DocumentBatch
from kinerja.reporting.tests import conftest as reporting_fixtures
from tests.integration.test_task_engine import _redis_available, _use_broker

plan = reporting_fixtures.plan
staff_plan = reporting_fixtures.staff_plan
evaluated = reporting_fixtures.evaluated


def _run_batch_in_worker(world, plan, evaluation, settings, broker_url: str) -> DocumentBatch:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _use_broker(broker_url, eager=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            with transaction.atomic():
                batch = document_batch_start(
                    unit=world.section,
                    period=plan.period,
                    window=evaluation.window,
                    actor=world.users["hr"],
                )
            for _ in range(600):
                batch.refresh_from_db()
                if batch.is_finished:
                    break
                time.sleep(0.05)
    finally:
        _use_broker(None, eager=True)
    return batch


def _check(batch: DocumentBatch) -> None:
    assert batch.status == BatchStatus.DONE
    assert (batch.done, batch.total, batch.percent) == (1, 1, 100)
    with zipfile.ZipFile(zip_file_path(batch)) as archive:
        assert len(archive.namelist()) == 1


@pytest.mark.django_db(transaction=True)
def test_embedded_sqlite_broker_renders_a_unit_batch(world, plan, evaluated, settings, tmp_path):
    batch = _run_batch_in_worker(
        world, plan, evaluated, settings, f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"
    )

    _check(batch)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not _redis_available() and "CI" not in os.environ,
    reason="Redis is not running (CI always runs this test)",
)
def test_redis_worker_renders_a_unit_batch(world, plan, evaluated, settings):
    batch = _run_batch_in_worker(world, plan, evaluated, settings, "redis://127.0.0.1:6379/15")

    _check(batch)
