"""Background jobs of 360° feedback (thin: one service call)."""

from celery import shared_task
from django.conf import settings


@shared_task
def remind_due_rounds_task() -> int:
    """Daily: remind raters of open rounds whose answers are due in ``REMINDER_DAYS``."""
    from kinerja.multirater.services import rounds_remind_due

    return rounds_remind_due(days=tuple(settings.REMINDER_DAYS))
