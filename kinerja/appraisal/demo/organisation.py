"""Demo organisation results: each unit's predicate for the windows that have ended,
and the agency's assessment policy (SE MenPAN-RB 3/2023, step 1).

Mostly Baik, a few Istimewa and exactly one Butuh Perbaikan per window, chosen by the
seed so the same seed gives the same data. Each result is recorded as fixed by the
holder of the post the unit head reports to (the next-higher leader in the demo chart,
where that post may assess). Set-based: a handful of queries and one bulk insert.
"""

import random
from dataclasses import dataclass

from kinerja.appraisal.enums import OrganisationPredicate, Rounding
from kinerja.appraisal.models import AppraisalPolicy, OrganisationResult
from kinerja.core.clock import today
from kinerja.core.services import log_action
from kinerja.org.models import Agency, Assignment, Position, Unit
from kinerja.org.selectors import active_on
from kinerja.planning.models import AssessmentPeriod, ReportingWindow

ISTIMEWA_SHARE = 0.12  # "a few"
BASIS = {
    OrganisationPredicate.ISTIMEWA: "Rencana aksi triwulan melampaui target yang disepakati.",
    OrganisationPredicate.BAIK: "Rencana aksi triwulan tercapai sesuai target.",
    OrganisationPredicate.BUTUH_PERBAIKAN: (
        "Sebagian rencana aksi triwulan belum berjalan; perlu perbaikan."
    ),
}


@dataclass(frozen=True)
class DemoOrganisationResults:
    results: int
    windows: int
    policy_created: bool


def _leaders_by_unit(agency: Agency, on) -> dict[int, int]:
    """Unit id → the employee holding the post its head reports to, on ``on``."""
    heads = dict(
        Position.objects.filter(agency=agency, is_unit_head=True, reports_to__isnull=False)
        .order_by("unit_id", "pk")
        .values_list("unit_id", "reports_to_id")
    )
    holders: dict[int, int] = {}
    for position_id, employee_id in (
        Assignment.objects.filter(active_on(on), position_id__in=set(heads.values()))
        .order_by("position_id", "kind", "-start_date")
        .values_list("position_id", "employee_id")
    ):
        holders.setdefault(position_id, employee_id)
    return {unit: holders[parent] for unit, parent in heads.items() if parent in holders}


def demo_organisation_results_create(
    *, agency: Agency, period: AssessmentPeriod, seed: int, actor=None
) -> DemoOrganisationResults:
    rng = random.Random(f"organisation-results-{seed}")  # noqa: S311 -- demo data
    windows = list(
        ReportingWindow.objects.filter(period=period, end_date__lt=today()).order_by("number")
    )
    unit_ids = list(
        Unit.objects.filter(agency=agency).order_by("path").values_list("pk", flat=True)
    )
    done = set(
        OrganisationResult.objects.filter(period=period, window__in=windows).values_list(
            "unit_id", "window_id"
        )
    )
    leaders = _leaders_by_unit(agency, min(today(), period.end_date))
    rows = []
    for window in windows:
        weak = rng.choice(unit_ids) if unit_ids else None
        for unit_id in unit_ids:
            if (unit_id, window.pk) in done:
                continue
            if unit_id == weak:
                predicate = OrganisationPredicate.BUTUH_PERBAIKAN
            elif rng.random() < ISTIMEWA_SHARE:
                predicate = OrganisationPredicate.ISTIMEWA
            else:
                predicate = OrganisationPredicate.BAIK
            rows.append(
                OrganisationResult(
                    unit_id=unit_id,
                    period=period,
                    window=window,
                    predicate=predicate,
                    basis=BASIS[predicate],
                    recorded_by_id=leaders.get(unit_id),
                )
            )
    OrganisationResult.objects.bulk_create(rows, batch_size=1000)
    _policy, created = AppraisalPolicy.objects.get_or_create(
        agency=agency, defaults={"rounding": Rounding.FAVOURABLE}
    )
    log_action(
        actor=actor,
        action="appraisal.demo_organisation_results_create",
        obj=period,
        after={"seed": seed, "results": len(rows), "windows": len(windows)},
    )
    return DemoOrganisationResults(results=len(rows), windows=len(windows), policy_created=created)
