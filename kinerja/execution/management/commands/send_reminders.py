"""Send the deadline reminders due today (run daily; safe to run more often)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from kinerja.execution.services.reminders import reminder_days, reminders_send


class Command(BaseCommand):
    help = (
        "Send the reminders due today: employees whose report is not submitted before each "
        "window's deadline, assessors with annual evaluations not final before the "
        "assessment deadline. Each reminder reaches each person once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            help="Days before a deadline to remind, comma-separated (default: REMINDER_DAYS, 7,1).",
        )
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        try:
            days = (
                reminder_days(int(d) for d in options["days"].split(","))
                if options["days"]
                else None
            )
            on = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as error:
            raise CommandError(str(error)) from None
        run = reminders_send(on=on, days=days)
        self.stdout.write(
            f"Reminders sent: {run.plans} plan, {run.reports} report, "
            f"{run.assessments} assessment digest; "
            f"{run.already_sent} already sent before."
        )
