"""Demo evaluations: the windows that have ended rated and final for most employees, the
latest of them (where the assessor's queue opens) partly rated (not final) and partly not
rated, so the queue shows every state. Before two windows have ended, the first two.

Ratings mostly follow the recommendation computed from the demo realisations (the same
``build_recommendation`` the evaluation page uses); a few depart from it, each with a
justification. A unit head's results rating is the unit's organisation result. The
predicate is always ``regulation.predicate``'s. Deterministic by seed and set-based:
a handful of queries and one bulk insert, whatever the number of employees.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from django.utils import timezone

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation, OrganisationResult
from kinerja.appraisal.selectors_evaluation import (
    ASSESSABLE_SKP_STATUSES,
    build_recommendation,
    thresholds_for,
)
from kinerja.core.clock import today
from kinerja.core.services import log_action
from kinerja.execution.demo.realisations import team_of
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport, Realisation
from kinerja.org.demo import persona_assignments
from kinerja.org.demo.writer import insert_rows
from kinerja.org.models import Agency
from kinerja.planning.models import AssessmentPeriod, Indicator, ReportingWindow, Skp
from kinerja.regulation.predicate import Rating, employee_predicate

FIRST_FINAL_SHARE = 0.9  # earlier windows: rated and final
FIRST_DRAFT_SHARE = 0.05  # earlier windows: rated, not final yet (the rest: not rated)
# The latest window: of the reports submitted, this share rated, not final; the rest,
# and everyone whose report is not submitted, not rated (the assessor's queue then shows
# who is waiting). The demo assessor's team is left waiting there.
SECOND_RATED_SHARE = 0.7
DEPARTURE_SHARE = 0.07  # the assessor departs from the recommendation
BEHAVIOUR = [(Rating.AS_EXPECTED, 0.7), (Rating.ABOVE, 0.22), (Rating.BELOW, 0.08)]
UNRECOMMENDED = [(Rating.AS_EXPECTED, 0.75), (Rating.ABOVE, 0.15), (Rating.BELOW, 0.10)]
JUSTIFICATIONS = {
    Rating.ABOVE: (
        "Selain target, menangani tugas tambahan yang mendesak dengan hasil sangat baik.",
        "Capaian angka belum menggambarkan mutu hasil kerja yang jauh di atas harapan.",
    ),
    Rating.AS_EXPECTED: (
        "Realisasi angka tinggi, tetapi sebagian bukti dukung belum memadai.",
        "Capaian di bawah target karena penundaan anggaran, bukan karena kinerja pegawai.",
    ),
    Rating.BELOW: (
        "Realisasi dilaporkan tinggi tetapi hasil kerja perlu diperbaiki berulang kali.",
        "Beberapa keluaran terlambat dan harus diselesaikan rekan kerja.",
    ),
}
NOTES = (
    "Pertahankan kinerja; ikutkan pelatihan teknis triwulan depan.",
    "Perlu meningkatkan ketepatan waktu pelaporan.",
    "",
    "",
)


COLUMNS = (
    "skp_id",
    "window_id",
    "status",
    "recommended_results_rating",
    "mean_achievement",
    "results_rating",
    "behaviour_rating",
    "justification",
    "predicate",
    "organisation_result_id",
    "notes",
    "assessor_id",
    "rated_at",
    "finalised_at",
    "finalised_by_id",
)


@dataclass(frozen=True)
class DemoEvaluations:
    final: int
    draft: int
    windows: int


def _weighted(rng: random.Random, choices: list[tuple[Rating, float]]) -> Rating:
    return rng.choices([c for c, _w in choices], weights=[w for _c, w in choices])[0]


def _at(day: datetime.date, rng: random.Random) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(9)) + datetime.timedelta(
        days=rng.randint(1, 12), minutes=rng.randint(0, 480)
    )
    return timezone.make_aware(moment)


def _windows(period: AssessmentPeriod) -> list[ReportingWindow]:
    """The windows that have ended (at least the first two): all but the latest are
    rated and mostly final; the latest, which the queue opens on, is partly rated."""
    windows = list(ReportingWindow.objects.filter(period=period).order_by("number"))
    ended = [w for w in windows if w.end_date < today()]
    return ended if len(ended) >= 2 else windows[:2]


def _indicators(skps: list[Skp]) -> dict[int, list[SimpleNamespace]]:
    """Per SKP, its indicators as light rows (pk, aspect, target), in one query."""
    found: dict[int, list[SimpleNamespace]] = defaultdict(list)
    rows = (
        Indicator.objects.filter(result__skp__in=skps)
        .order_by("result__order", "order", "pk")
        .values_list("pk", "aspect", "target_value", "result__skp_id")
    )
    for pk, aspect, target, skp_id in rows:
        found[skp_id].append(SimpleNamespace(pk=pk, aspect=aspect, target_value=target))
    return found


def _realisations(skps: list[Skp], window: ReportingWindow) -> dict[int, SimpleNamespace]:
    """Per indicator, its realisation in the window as a light row, in one query."""
    rows = Realisation.objects.filter(report__window=window, report__skp__in=skps).values_list(
        "indicator_id", "value"
    )
    return {indicator: SimpleNamespace(value=value) for indicator, value in rows}


def _rate(rng, recommendation) -> tuple[str, str, str]:
    """Results rating, behaviour rating and justification for one employee."""
    recommended = recommendation.rating
    if recommendation.enforced:
        results = recommended
    elif recommended is None:
        results = _weighted(rng, UNRECOMMENDED)
    elif rng.random() < DEPARTURE_SHARE:
        results = rng.choice([r for r in Rating if r != recommended])
    else:
        results = recommended
    justification = ""
    if recommended is not None and results != recommended:
        justification = rng.choice(JUSTIFICATIONS[Rating(results)])
    return str(results), str(_weighted(rng, BEHAVIOUR)), justification


def demo_evaluations_create(
    *, agency: Agency, period: AssessmentPeriod, seed: int, actor=None
) -> DemoEvaluations:
    rng = random.Random(f"evaluations-{seed}")  # noqa: S311 -- demo data
    windows = _windows(period)
    if not windows:
        return DemoEvaluations(final=0, draft=0, windows=0)
    skps = list(
        Skp.objects.filter(
            period=period,
            employee__agency=agency,
            status__in=ASSESSABLE_SKP_STATUSES,
        )
        .select_related("position")
        .order_by("pk")
    )
    if Evaluation.objects.filter(skp__period=period, window__in=windows).exists():
        # Already loaded: the demo is made once, never added to.
        return DemoEvaluations(final=0, draft=0, windows=len(windows))
    thresholds = thresholds_for(agency.pk)
    count = ReportingWindow.objects.filter(period=period).count()
    rows: list[tuple] = []
    indicators = _indicators(skps)
    latest = windows[-1]
    handed_in = set(
        PeriodReport.objects.filter(
            window=latest, status=ReportStatus.SUBMITTED, skp__in=skps
        ).values_list("skp_id", flat=True)
    )
    # Before the latest window has ended nobody has handed it in: rate a share anyway.
    ended = latest.end_date < today()
    waiting = team_of(persona_assignments(agency).get("assessor"), latest.end_date)
    for window in windows:
        realisations = _realisations(skps, window)
        results_of_units = {r.unit_id: r for r in OrganisationResult.objects.filter(window=window)}
        for skp in skps:
            share = rng.random()
            if window != latest:
                status = (
                    EvaluationStatus.FINAL
                    if share < FIRST_FINAL_SHARE
                    else EvaluationStatus.DRAFT
                    if share < FIRST_FINAL_SHARE + FIRST_DRAFT_SHARE
                    else None
                )
            else:
                rated = share < SECOND_RATED_SHARE and (skp.pk in handed_in or not ended)
                if skp.employee_id in waiting:
                    rated = False
                status = EvaluationStatus.DRAFT if rated else None
            if status is None:
                continue
            if window.end_date < skp.start_date or window.start_date > skp.end_date:
                continue
            own = indicators.get(skp.pk, [])
            organisation = results_of_units.get(skp.position.unit_id)
            recommendation = build_recommendation(
                skp=skp,
                window=window,
                indicators=own,
                realisations={i.pk: realisations[i.pk] for i in own if i.pk in realisations},
                window_count=count,
                thresholds=thresholds,
                organisation_result=organisation,
            )
            results, behaviour, justification = _rate(rng, recommendation)
            rated_at = _at(window.end_date, rng)
            final = status == EvaluationStatus.FINAL
            rows.append(
                (
                    skp.pk,
                    window.pk,
                    str(status.value),
                    str(recommendation.rating or ""),
                    recommendation.mean_achievement,
                    results,
                    behaviour,
                    justification,
                    str(employee_predicate(results, behaviour)),
                    organisation.pk if organisation is not None else None,
                    rng.choice(NOTES),
                    skp.approved_by_id,
                    rated_at,
                    rated_at + datetime.timedelta(days=2) if final else None,
                    skp.approved_by_id if final else None,
                )
            )
    insert_rows(Evaluation, COLUMNS, rows)
    final_count = sum(1 for row in rows if row[2] == EvaluationStatus.FINAL)
    log_action(
        actor=actor,
        action="appraisal.demo_evaluations_create",
        obj=period,
        after={"seed": seed, "final": final_count, "draft": len(rows) - final_count},
    )
    return DemoEvaluations(final=final_count, draft=len(rows) - final_count, windows=len(windows))
