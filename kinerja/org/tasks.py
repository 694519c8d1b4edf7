"""Background tasks of the organisation app: thin wrappers, ids in, one service call."""

from celery import shared_task
from django.contrib.auth import get_user_model

from kinerja.org.importing.jobs import import_job_apply, import_job_check
from kinerja.org.models import ImportJob


@shared_task
def import_job_check_task(job_id: int) -> None:
    import_job_check(job=ImportJob.objects.select_related("agency").get(pk=job_id))


@shared_task
def import_job_apply_task(job_id: int, actor_id: int | None = None) -> None:
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    import_job_apply(job=ImportJob.objects.select_related("agency").get(pk=job_id), actor=actor)
