"""The one place that tells the date, so tests and demos can reason about time."""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today's date in the installation's time zone."""
    return timezone.localdate()


def now() -> datetime.datetime:
    return timezone.now()
