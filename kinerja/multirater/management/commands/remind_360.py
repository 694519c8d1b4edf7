"""Remind the raters of open 360° rounds whose answers are due soon (run daily; safe to
run more often: a round is reminded at most once a day)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kinerja.multirater.services import rounds_remind_due


class Command(BaseCommand):
    help = (
        "Remind raters who have not answered, in open 360° rounds due in REMINDER_DAYS "
        "days (default 7 and 1); each round at most once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        try:
            on = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as error:
            raise CommandError(str(error)) from None
        count = rounds_remind_due(on=on, days=tuple(settings.REMINDER_DAYS))
        self.stdout.write(f"360° rounds reminded: {count}")
