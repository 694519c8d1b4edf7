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
        self._follow_up(agency, plans.period, seed)

    def _follow_up(self, agency, period, seed):
        """What the year has brought so far, each step in its app's demo module and in
        dependency order: realisations (kinerja.execution.demo.realisations), feedback,
        guidance and attendance (kinerja.execution.demo.feedback), each unit's predicate
        and the assessment policy (kinerja.appraisal.demo.organisation), ratings
        (kinerja.appraisal.demo.evaluations), two units' finished year with credit points
        and objections (kinerja.appraisal.demo.year_end), public surveys
        (kinerja.surveys.demo) and a closed 360° round (kinerja.multirater.demo)."""
        year = {"agency": agency, "period": period, "seed": seed}
        self._step(
            demo_realisations_create,
            year,
            _(
                "Realisations: %(reports)d reports (%(submitted)d submitted), "
                "%(realisations)d realisations, %(evidence)d evidence in %(seconds).1f s."
            ),
            lambda made: {
                "reports": made.reports,
                "submitted": made.submitted,
                "realisations": made.realisations,
                "evidence": made.evidence,
            },
        )
        self._step(
            demo_feedback_create,
            year,
            _(
                "Feedback: %(messages)d messages, %(sessions)d guidance sessions, "
                "%(attendance)d attendance summaries in %(seconds).1f s."
            ),
            lambda made: {
                "messages": made.messages,
                "sessions": made.sessions,
                "attendance": made.attendance,
            },
        )
        self._step(
            demo_organisation_results_create,
            year,
            _("Organisation results: %(count)d for %(windows)d windows in %(seconds).1f s."),
            lambda made: {"count": made.results, "windows": made.windows},
        )
        self._step(
            demo_evaluations_create,
            year,
            _("Evaluations: %(final)d final and %(draft)d not final in %(seconds).1f s."),
            lambda made: {"final": made.final, "draft": made.draft},
        )
        self._step(
            demo_year_end_create,
            year,
            _(
                "Year end: %(final)d annual results final in %(units)d units, "
                "%(points)d credit point awards, %(objections)d objections in "
                "%(seconds).1f s."
            ),
            lambda made: {
                "final": made.finalised,
                "units": made.units,
                "points": made.credit_points,
                "objections": made.objections,
            },
        )
        self._step(
            demo_surveys_create,
            {"agency": agency, "seed": seed},
            _("Surveys: %(responses)d answers for %(units)d units in %(seconds).1f s."),
            lambda made: {"responses": made.responses, "units": made.units},
        )
        self._step(
            demo_multirater_create,
            year,
            _("360° feedback: %(answers)d answers on %(subjects)d people in %(seconds).1f s."),
            lambda made: {"answers": made.answers, "subjects": made.subjects},
        )

    def _step(self, create, arguments, message, figures):
        """Run one demo step and print what it made and how long it took."""
        started = time.monotonic()
        made = create(**arguments)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(message % {**figures(made), "seconds": seconds}))
