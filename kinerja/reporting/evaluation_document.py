"""The evaluation documents as official printed forms (PermenPAN-RB 6/2022; domain.md §1.9).

One PDF per evaluation, in two parts:

1. **Evaluasi Kinerja Pegawai** — header (employee, assessor), the organisation's result,
   the distribution curve for it, per RHK the indicators and targets with the
   realisation from the evidence and the continuous feedback, the results rating, per
   BerAKHLAK value the guides, the leader's expectation and the feedback, the behaviour
   rating and the predicate;
2. **Dokumen Evaluasi Kinerja Pegawai** — the signed summary: period label (Triwulan
   I–IV or Akhir), dates, the three parties, the organisation's result, the predicate,
   notes and the signature blocks. NIP and rank stay blank for non-PNS staff.

Reporting only reads: nothing here writes.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import EvaluationStatus, Rounding
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.core.clock import today
from kinerja.execution.models import FeedbackMessage, Realisation
from kinerja.org.enums import EmploymentType
from kinerja.org.models import Employee, Unit
from kinerja.org.selectors import primary_holding
from kinerja.planning.enums import ResultKind
from kinerja.planning.models import Indicator, PlannedResult, Skp
from kinerja.regulation.berakhlak import BERAKHLAK_2021, CoreValue
from kinerja.regulation.distribution import explain_guide
from kinerja.regulation.predicate import explain_predicate
from kinerja.reporting.curve import Curve, distribution_curve
from kinerja.reporting.pdf import html_to_pdf
from kinerja.reporting.selectors import Party, SkpParties, _party, skp_parties

STYLESHEET = "evaluation.css"


@dataclass(frozen=True)
class Shown:
    """One realisation as printed: the window it belongs to, the value or narrative,
    and the evidence it rests on (file names and links)."""

    window: str
    value: str
    narrative: str
    evidence: tuple[str, ...]


@dataclass
class IndicatorLine:
    indicator: Indicator | None
    realisations: list[Shown] = field(default_factory=list)


@dataclass
class ResultBlock:
    number: int
    result: PlannedResult
    lines: list[IndicatorLine]
    feedback: list[str]

    @property
    def span(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class ValueBlock:
    number: int
    value: CoreValue
    expectation: str
    feedback: tuple[str, ...]


def evaluation_detail(queryset: QuerySet[Evaluation], uuid=None, *, pk=None) -> Evaluation:
    """One evaluation (by ``uuid``, or ``pk`` for background jobs) with its SKP, results,
    indicators and expectations, in a fixed number of queries."""
    return (
        queryset.select_related(
            "window__period",
            "organisation_result__unit",
            "assessor",
            "skp__employee__agency",
            "skp__period",
            "skp__position__unit",
            "skp__approved_by",
            "skp__assessor_superior_at_approval",
        )
        .prefetch_related(
            Prefetch(
                "skp__results",
                queryset=PlannedResult.objects.prefetch_related("indicators"),
            ),
            "skp__expectations",
        )
        .get(**({"uuid": uuid} if pk is None else {"pk": pk}))
    )


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"


def _realisations(evaluation: Evaluation) -> dict[int, list[Shown]]:
    """Per indicator id, the realisations of the evaluation's window (every window of
    the year for an annual evaluation), with their evidence. Two queries."""
    rows = Realisation.objects.filter(report__skp_id=evaluation.skp_id)
    if evaluation.window_id is not None:
        rows = rows.filter(report__window_id=evaluation.window_id)
    rows = rows.select_related("report__window", "indicator").prefetch_related("evidence")
    shown: dict[int, list[Shown]] = {}
    for row in sorted(rows, key=lambda r: (r.report.window.number, r.pk)):
        evidence = tuple(e.title or e.original_name or e.url for e in row.evidence.all())
        unit = row.indicator.target_unit if row.value is not None else ""
        shown.setdefault(row.indicator_id, []).append(
            Shown(
                window=_period_label(row.report.window),
                value=f"{_number(row.value)} {unit}".strip(),
                narrative=row.narrative,
                evidence=evidence,
            )
        )
    return shown


def _feedback(evaluation: Evaluation) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """The continuous feedback threads of the window (all of them for the year), per
    result and per core value, in the order they were written. One query."""
    messages = FeedbackMessage.objects.filter(skp_id=evaluation.skp_id)
    if evaluation.window_id is not None:
        messages = messages.filter(window_id=evaluation.window_id)
    by_result: dict[int, list[str]] = {}
    by_value: dict[str, list[str]] = {}
    for message in messages.select_related("author").order_by("created_at", "pk"):
        text = f"{message.author.full_name}: {message.text}"
        if message.result_id is not None:
            by_result.setdefault(message.result_id, []).append(text)
        else:
            by_value.setdefault(message.core_value, []).append(text)
    return by_result, by_value


def result_blocks(evaluation: Evaluation, realisations: dict[int, list[Shown]], feedback):
    """Main results first, then additional ones, numbered on through, as on the form."""
    results = sorted(
        evaluation.skp.results.all(), key=lambda r: (r.kind != ResultKind.MAIN, r.order, r.pk)
    )
    blocks = []
    for number, result in enumerate(results, start=1):
        indicators = sorted(result.indicators.all(), key=lambda i: (i.order, i.pk))
        lines = [IndicatorLine(i, realisations.get(i.pk, [])) for i in indicators]
        blocks.append(
            ResultBlock(
                number=number,
                result=result,
                lines=lines or [IndicatorLine(None)],
                feedback=feedback.get(result.pk, []),
            )
        )
    return blocks


def value_blocks(evaluation: Evaluation, feedback: dict[str, list[str]]) -> list[ValueBlock]:
    expectations = {e.core_value: e.text for e in evaluation.skp.expectations.all()}
    return [
        ValueBlock(
            number=n,
            value=value,
            expectation=expectations.get(value.code, ""),
            feedback=tuple(feedback.get(value.code, [])),
        )
        for n, value in enumerate(BERAKHLAK_2021, start=1)
    ]


def organisation_result_for(evaluation: Evaluation) -> OrganisationResult | None:
    """The result the assessor linked, else the one recorded for the employee's unit or
    the nearest unit above it for the same window (the year when annual). One query."""
    if evaluation.organisation_result_id is not None:
        return evaluation.organisation_result
    unit = evaluation.skp.position.unit
    prefixes = [unit.path[:end] for end in range(1, len(unit.path) + 1)]
    results = OrganisationResult.objects.filter(
        unit__in=Unit.objects.filter(agency_id=unit.agency_id, path__in=prefixes)
    ).select_related("unit")
    if evaluation.window_id is not None:
        results = results.filter(window_id=evaluation.window_id)
    else:
        results = results.filter(window__isnull=True, period_id=evaluation.skp.period_id)
    return max(results, key=lambda r: len(r.unit.path), default=None)


def _period_label(window) -> str:
    """ "Triwulan I" for a quarter ("Maret" for a month); the label without its year."""
    year = str(window.start_date.year)
    label = window.label
    return label[: -len(year)].strip() if label.endswith(year) else label


def period_label(evaluation: Evaluation) -> str:
    if evaluation.window_id is None:
        # Translators: the final (annual) period on the form: "AKHIR"
        return _("Final")
    return _period_label(evaluation.window)


def period_dates(evaluation: Evaluation) -> tuple[datetime.date, datetime.date]:
    if evaluation.window_id is not None:
        return evaluation.window.start_date, evaluation.window.end_date
    return evaluation.skp.start_date, evaluation.skp.end_date


def _official(parties: SkpParties, evaluation: Evaluation) -> SkpParties:
    """The parties as the form prints them: the assessor who rated (when the rating is
    saved), and no NIP or rank for staff who are not civil servants (PNS). One query."""
    assessor = parties.assessor
    if evaluation.assessor_id is not None:
        holding = primary_holding(evaluation.assessor, parties.on)
        assessor = _party(evaluation.assessor, holding.position if holding else None)
    people = [parties.employee, assessor, parties.assessor_superior]
    nips = [p.nip for p in people if p is not None and p.nip]
    not_pns = set(
        Employee.objects.filter(nip__in=nips)
        .exclude(employment_type=EmploymentType.PNS)
        .values_list("nip", flat=True)
    )

    def blanked(party: Party | None) -> Party | None:
        if party is None or party.nip not in not_pns:
            return party
        return dataclasses.replace(party, nip="", rank="")

    return dataclasses.replace(
        parties,
        employee=blanked(parties.employee),
        assessor=blanked(assessor),
        assessor_superior=blanked(parties.assessor_superior),
    )


def signed_on(evaluation: Evaluation) -> datetime.date:
    moment = evaluation.finalised_at or evaluation.rated_at
    return timezone.localdate(moment) if moment else today()


def evaluation_context(evaluation: Evaluation) -> dict:
    skp: Skp = evaluation.skp
    realisations = _realisations(evaluation)
    by_result, by_value = _feedback(evaluation)
    organisation = organisation_result_for(evaluation)
    start, end = period_dates(evaluation)
    curve: Curve | None = None
    guide = ""
    if organisation is not None:
        curve = distribution_curve(organisation.predicate, evaluation.predicate)
        rounding = (
            AppraisalPolicy.objects.filter(agency_id=skp.employee.agency_id)
            .values_list("rounding", flat=True)
            .first()
        )
        guide = explain_guide(organisation.predicate, rounding or Rounding.FAVOURABLE)
    why_predicate = ""
    if evaluation.results_rating and evaluation.behaviour_rating:
        why_predicate = explain_predicate(evaluation.results_rating, evaluation.behaviour_rating)
    parties = _official(skp_parties(skp), evaluation)
    summary_parties = [
        # Translators: official heading: "PEGAWAI YANG DINILAI"
        (_("EMPLOYEE ASSESSED"), parties.employee),
        # Translators: official heading: "PEJABAT PENILAI KINERJA"
        (_("PERFORMANCE ASSESSOR"), parties.assessor),
        # Translators: official heading: "ATASAN PEJABAT PENILAI KINERJA"
        (_("ASSESSOR'S SUPERIOR"), parties.assessor_superior),
    ]
    return {
        "evaluation": evaluation,
        "skp": skp,
        "agency": skp.employee.agency,
        "parties": parties,
        "summary_parties": summary_parties,
        "organisation": organisation,
        "curve": curve,
        "guide": guide,
        "results": result_blocks(evaluation, realisations, by_result),
        "values": value_blocks(evaluation, by_value),
        "period_label": period_label(evaluation),
        "start": start,
        "end": end,
        "why_predicate": why_predicate,
        "is_final": evaluation.status == EvaluationStatus.FINAL,
        "signed_on": signed_on(evaluation),
    }


def evaluation_html(evaluation: Evaluation) -> str:
    return render_to_string("reporting/evaluation_pdf.html", evaluation_context(evaluation))


def evaluation_pdf(evaluation: Evaluation) -> bytes:
    """The PDF of one evaluation. Pass one loaded with ``evaluation_detail`` so the
    document costs a fixed number of queries."""
    return html_to_pdf(evaluation_html(evaluation), stylesheet=STYLESHEET)


def period_code(window) -> str:
    """The period in a file name: TW<n> for a quarter, BLN<n> for a month, TAHUNAN for
    the year (``window`` None)."""
    if window is None:
        return "TAHUNAN"
    prefix = "BLN" if window.period.rhythm == "monthly" else "TW"
    return f"{prefix}{window.number}"


def evaluation_filename(evaluation: Evaluation) -> str:
    """EVALUASI_<NIP or name>_<year>_<period>.pdf, safe in a header and a zip."""
    from kinerja.reporting.views import safe_filename

    employee = evaluation.skp.employee
    who = employee.nip or employee.full_name
    return (
        safe_filename("EVALUASI", who, evaluation.skp.period.year, period_code(evaluation.window))
        + ".pdf"
    )
