"""Reads behind the documents and exports. Reporting never writes."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from kinerja.core.clock import today
from kinerja.org.models import Employee, Position, Unit
from kinerja.org.selectors import primary_holding, superiors_of
from kinerja.planning.enums import ResultKind
from kinerja.planning.models import AssessmentPeriod, CascadeLink, Indicator, PlannedResult, Skp
from kinerja.planning.selectors import LIVE_STATUSES
from kinerja.regulation.ranks import rank_and_grade


@dataclass(frozen=True)
class Party:
    """One identity block of the form: Nama, NIP, Pangkat/Gol. Ruang, Jabatan, Unit Kerja.

    ``name`` alone (no NIP) stands for the agency's political head (Wali Kota, Bupati),
    who assesses the top official but is not a civil servant in the system.
    """

    name: str
    nip: str = ""
    rank: str = ""
    position: str = ""
    unit: str = ""


@dataclass(frozen=True)
class SkpParties:
    employee: Party
    assessor: Party | None
    assessor_superior: Party | None
    on: datetime.date


def _party(employee: Employee, position: Position | None) -> Party:
    return Party(
        name=employee.full_name,
        nip=employee.nip,
        rank=rank_and_grade(employee.grade),
        position=position.name if position else "",
        unit=position.unit.name if position else "",
    )


def _from_holding(holding, external: str, head_name: str) -> Party | None:
    if holding is not None:
        return _party(holding.employee, holding.position)
    if external:
        return Party(name=head_name or external, position=external if head_name else "")
    return None


def _snapshot(employee: Employee | None, on: datetime.date) -> Party | None:
    if employee is None:
        return None
    holding = primary_holding(employee, on)
    return _party(employee, holding.position if holding else None)


def skp_parties(skp: Skp) -> SkpParties:
    """Who the SKP is between. After approval the assessor and their superior are the
    ones snapshotted then (an assessor who has since moved still signed it); before,
    they are derived from the org chart on the plan's date (domain.md §1.5)."""
    if skp.approved_at is not None:
        on = min(max(timezone.localdate(skp.approved_at), skp.start_date), skp.end_date)
    else:
        on = min(max(today(), skp.start_date), skp.end_date)
    employee = _party(skp.employee, skp.position)
    head_name = skp.employee.agency.head_name
    derived = None
    if skp.approved_by_id is not None:
        assessor = _snapshot(skp.approved_by, on)
    else:
        derived = superiors_of(skp.employee, on)
        assessor = _from_holding(derived.assessor, derived.external_assessor, head_name)
    if skp.approved_at is not None and skp.assessor_superior_at_approval_id is not None:
        superior = _snapshot(skp.assessor_superior_at_approval, on)
    else:
        derived = derived or superiors_of(skp.employee, on)
        superior = _from_holding(
            derived.assessor_superior, derived.external_assessor_superior, head_name
        )
    return SkpParties(employee=employee, assessor=assessor, assessor_superior=superior, on=on)


# --- the unit export ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    """One line of the unit export: an indicator with its result and SKP (or an SKP with
    no indicator yet, so an empty plan still shows up)."""

    skp: Skp
    result: PlannedResult | None
    supports: str
    indicator: Indicator | None


def unit_plans(skps: QuerySet[Skp], unit: Unit, period: AssessmentPeriod) -> QuerySet[Skp]:
    """The live SKPs among ``skps`` for posts in ``unit``'s subtree in ``period``; a
    superseded version is history, not the plan in force."""
    return (
        skps.filter(
            period=period,
            position__unit__path__startswith=unit.path,
            status__in=LIVE_STATUSES,
        )
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "employee__name", "employee__nip", "start_date", "pk")
    )


def _form_order(result: PlannedResult) -> tuple:
    """Main results (utama) before additional ones (tambahan), as on the form."""
    return (result.skp_id, result.kind != ResultKind.MAIN, result.order, result.pk)


def _supported_texts(results: QuerySet[PlannedResult]) -> dict[int, str]:
    texts: dict[int, list[str]] = {}
    links = (
        CascadeLink.objects.filter(result__in=results)
        .select_related("supports_result", "supports_goal")
        .order_by("result_id", "pk")
    )
    for link in links:
        if link.supports_result is not None:
            text = link.supports_result.text
        else:
            text = str(link.supports_goal)
        texts.setdefault(link.result_id, []).append(text)
    return {result_id: "; ".join(values) for result_id, values in texts.items()}


def unit_plan_rows(skps: QuerySet[Skp]) -> Iterator[PlanRow]:
    """Every indicator of ``skps`` in form order, in four queries whatever the size.

    The related rows are fetched with subqueries, not lists of ids, which SQLite caps
    at 32,766 parameters (a province has more results than that).
    """
    results_qs = PlannedResult.objects.filter(skp__in=skps)
    results_of: dict[int, list[PlannedResult]] = {}
    for result in sorted(results_qs, key=_form_order):
        results_of.setdefault(result.skp_id, []).append(result)
    supported = _supported_texts(results_qs)
    indicators: dict[int, list[Indicator]] = {}
    for indicator in Indicator.objects.filter(result__in=results_qs).order_by(
        "result_id", "order", "pk"
    ):
        indicators.setdefault(indicator.result_id, []).append(indicator)
    for skp in skps:
        own = results_of.get(skp.pk, [])
        if not own:
            yield PlanRow(skp=skp, result=None, supports="", indicator=None)
        for result in own:
            for indicator in indicators.get(result.pk) or [None]:
                yield PlanRow(
                    skp=skp,
                    result=result,
                    supports=supported.get(result.pk, ""),
                    indicator=indicator,
                )
