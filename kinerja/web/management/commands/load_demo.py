"""``manage.py load_demo``: the demo agency, or a large synthetic one for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.access.demo import demo_logins_grant
from kinerja.appraisal.demo.evaluations import demo_evaluations_create
from kinerja.appraisal.demo.organisation import demo_organisation_results_create
from kinerja.appraisal.demo.year_end import demo_year_end_create
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.demo.feedback import demo_feedback_create
from kinerja.execution.demo.realisations import demo_realisations_create
from kinerja.multirater.demo import demo_multirater_create
from kinerja.org.demo import (
    DEFAULT_SEED,
    demo_agency_create,
    demo_agency_profile,
)
from kinerja.org.models import Agency
from kinerja.planning.demo import demo_plans_create, demo_plans_missing
from kinerja.surveys.demo import demo_surveys_create


class Command(BaseCommand):
    help = (
        "Load the demo agency (Pemerintah Kota Makassar, about 1,500 employees) with its "
        "demo logins and this year's plans (period, goals, SKPs, indicator library); with "
        "--employees N, a synthetic agency of exactly N employees, without plans. Does "
        "nothing when the agency already exists, except add this year's plans if missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--employees",
            type=int,
            default=None,
            help="Build a synthetic agency of this many employees (for benchmarks).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed (same seed, same data)."
        )
        parser.add_argument(
            "--agency-code",
            default=None,
            help="Code of the agency to create (default: makassar, or sintetis-N-SEED).",
        )

    def handle(self, *args, employees, seed, agency_code, **options):
        profile = demo_agency_profile(employees=employees, seed=seed, code=agency_code)
        existing = Agency.objects.filter(code=profile.code).first()
        if existing is not None:
            if not profile.synthetic and demo_plans_missing(existing):
                # Loaded before the demo had plans, or in an earlier year.
                self._plans(existing, seed)
                return
            self.stdout.write(
                _("%(name)s (%(code)s) is already loaded; nothing to do.")
                % {"name": existing.name, "code": existing.code}
            )
            return
        started = time.monotonic()
        try:
            # One transaction, so a failure leaves no agency without its demo logins.
            with transaction.atomic():
                agency = demo_agency_create(profile=profile, employees=employees, seed=seed)
                demo_logins_grant(agency=agency)
        except ApplicationError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Loaded %(name)s: %(count)d employees in %(seconds).1f s.")
                % {
                    "name": agency.name,
                    "count": agency.employees.count(),
                    "seconds": time.monotonic() - started,
                }
            )
        )
        if not profile.synthetic:
            self._plans(agency, seed)

    def _plans(self, agency, seed):
        """This year's period, goals, SKPs and indicator library (kinerja.planning.demo)."""
        started = time.monotonic()
        try:
            plans = demo_plans_create(agency=agency, seed=seed)
        except ApplicationError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Planned %(year)d: %(count)d SKPs with %(results)d results in %(seconds).1f s.")
                % {
                    "year": plans.period.year,
                    "count": plans.skps,
                    "results": plans.results,
                    "seconds": time.monotonic() - started,
                }
            )
        )
        # Issue 4, in this order: realisations → feedback → organisation results →
        # evaluations → finalisation/objection → surveys → 360°.
        self._realisations(agency, plans.period, seed)
        self._feedback(agency, plans.period, seed)
        self._organisation_results(agency, plans.period, seed)
        self._evaluations(agency, plans.period, seed)
        self._year_end(agency, plans.period, seed)
        self._surveys(agency, seed)
        self._multirater(agency, plans.period, seed)

    def _realisations(self, agency, period, seed):
        """Realisations with evidence for the windows that have ended
        (kinerja.execution.demo.realisations)."""
        started = time.monotonic()
        made = demo_realisations_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Realisations: %(reports)d reports (%(submitted)d submitted), "
                    "%(realisations)d realisations, %(evidence)d evidence in %(seconds).1f s."
                )
                % {
                    "reports": made.reports,
                    "submitted": made.submitted,
                    "realisations": made.realisations,
                    "evidence": made.evidence,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _feedback(self, agency, period, seed):
        """Feedback threads, guidance sessions and attendance summaries for the windows
        that have ended (kinerja.execution.demo.feedback)."""
        started = time.monotonic()
        made = demo_feedback_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Feedback: %(messages)d messages, %(sessions)d guidance sessions, "
                    "%(attendance)d attendance summaries in %(seconds).1f s."
                )
                % {
                    "messages": made.messages,
                    "sessions": made.sessions,
                    "attendance": made.attendance,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _evaluations(self, agency, period, seed):
        """The first window rated and mostly final, the second partly rated
        (kinerja.appraisal.demo.evaluations)."""
        started = time.monotonic()
        made = demo_evaluations_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _("Evaluations: %(final)d final and %(draft)d not final in %(seconds).1f s.")
                % {
                    "final": made.final,
                    "draft": made.draft,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _year_end(self, agency, period, seed):
        """Two units' annual results final, with credit points and objections
        (kinerja.appraisal.demo.year_end)."""
        started = time.monotonic()
        made = demo_year_end_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Year end: %(final)d annual results final in %(units)d units, "
                    "%(points)d credit point awards, %(objections)d objections in "
                    "%(seconds).1f s."
                )
                % {
                    "final": made.finalised,
                    "units": made.units,
                    "points": made.credit_points,
                    "objections": made.objections,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _organisation_results(self, agency, period, seed):
        """Each unit's predicate for the windows that have ended, and the assessment
        policy (kinerja.appraisal.demo.organisation)."""
        started = time.monotonic()
        made = demo_organisation_results_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _("Organisation results: %(count)d for %(windows)d windows in %(seconds).1f s.")
                % {
                    "count": made.results,
                    "windows": made.windows,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _surveys(self, agency, seed):
        """A quarter of public satisfaction surveys for a few service units
        (kinerja.surveys.demo)."""
        started = time.monotonic()
        made = demo_surveys_create(agency=agency, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _("Surveys: %(responses)d answers for %(units)d units in %(seconds).1f s.")
                % {
                    "responses": made.responses,
                    "units": made.units,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def _multirater(self, agency, period, seed):
        """A closed 360° feedback round over one division (kinerja.multirater.demo)."""
        started = time.monotonic()
        made = demo_multirater_create(agency=agency, period=period, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                _("360° feedback: %(answers)d answers on %(subjects)d people in %(seconds).1f s.")
                % {
                    "answers": made.answers,
                    "subjects": made.subjects,
                    "seconds": time.monotonic() - started,
                }
            )
        )
