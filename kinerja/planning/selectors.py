"""Reads of performance planning. Lists start from ``skp_visible_to``."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from kinerja.access.permissions import actor_for, agencies_visible_to, employees_managed_by
from kinerja.core.clock import today
from kinerja.org.enums import PositionKind
from kinerja.org.models import Agency, Assignment, Employee, Unit
from kinerja.org.selectors import active_on, assessees_of, employee_in_subtree
from kinerja.planning.enums import ResultKind, SkpStatus
from kinerja.planning.models import (
    AnnexItem,
    AssessmentPeriod,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    IndicatorTemplate,
    OrganisationGoal,
    PlannedResult,
    Skp,
)

LIVE_STATUSES = [SkpStatus.DRAFT, SkpStatus.SUBMITTED, SkpStatus.RETURNED, SkpStatus.APPROVED]


def _assessed_by_assessees(assessee_ids: set[int], on: datetime.date) -> set[int]:
    """The people assessed by those the user assesses: the user is their assessor's
    superior (atasan pejabat penilai), who reads their SKP. Only assessees holding a
    post that may assess are walked, so a team of staff costs one query."""
    assessors = Employee.objects.filter(pk__in=assessee_ids).filter(
        Exists(
            Assignment.objects.filter(active_on(on), employee=OuterRef("pk")).filter(
                Q(position__kind__in=PositionKind.structural()) | Q(position__is_unit_head=True)
            )
        )
    )
    found: set[int] = set()
    for assessor in assessors:
        found |= assessees_of(assessor, on)
    return found


def skp_visible_to(user) -> QuerySet[Skp]:
    """SKPs the user may read: their own, those of the people they assess (today) and of
    the people those assess, and those in their HR/leader scopes. The per-object rule
    is ``planning.view_skp``."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Skp.objects.all()
    condition = Q(pk__in=[])
    if actor.employee is not None:
        condition |= Q(employee=actor.employee)
        assessees = actor.assessees(today())
        if assessees:
            condition |= Q(employee_id__in=assessees | _assessed_by_assessees(assessees, today()))
    on = today()
    for scope in actor.read_scopes:
        part = Q(employee__agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(
                Exists(
                    Employee.objects.filter(
                        employee_in_subtree(scope.path, on), pk=OuterRef("employee_id")
                    )
                )
            )
        condition |= part
    return Skp.objects.filter(condition)


def skp_detail(skp_queryset: QuerySet[Skp], uuid) -> Skp:
    """One SKP with everything its page and document show, in a fixed number of queries."""
    return (
        skp_queryset.select_related(
            "employee__agency",
            "period",
            "position__unit",
            "approved_by",
            "assessor_superior_at_approval",
            "previous",
        )
        .prefetch_related(
            # The models order by their SKP or result, which Django expands into the
            # SKP's own ordering: joins of period and employee in every prefetch. Within
            # one SKP the same order needs only the columns.
            Prefetch(
                "results",
                queryset=PlannedResult.objects.order_by("kind", "order", "id").prefetch_related(
                    Prefetch("indicators", queryset=Indicator.objects.order_by("order", "id")),
                    Prefetch(
                        "links",
                        queryset=CascadeLink.objects.select_related(
                            "supports_result", "supports_goal", "supports_indicator"
                        ).order_by("id"),
                    ),
                ),
            ),
            Prefetch("expectations", queryset=BehaviourExpectation.objects.order_by("id")),
            Prefetch("annex_items", queryset=AnnexItem.objects.order_by("kind", "order", "id")),
        )
        .get(uuid=uuid)
    )


def current_period(agency: Agency, on: datetime.date | None = None) -> AssessmentPeriod | None:
    on = on or today()
    return (
        AssessmentPeriod.objects.filter(agency=agency, start_date__lte=on, end_date__gte=on).first()
        or AssessmentPeriod.objects.filter(agency=agency).order_by("-year").first()
    )


def skp_of(employee: Employee, period: AssessmentPeriod) -> list[Skp]:
    """The employee's SKPs in a period, newest first (several after a job change)."""
    return list(
        Skp.objects.filter(employee=employee, period=period)
        .select_related("position__unit")
        .order_by("-start_date", "-version")
    )


def approved_skp_of(employee: Employee, period: AssessmentPeriod, on: datetime.date) -> Skp | None:
    """The approved SKP in force on ``on`` (the one subordinates link to)."""
    return (
        Skp.objects.filter(
            employee=employee,
            period=period,
            status=SkpStatus.APPROVED,
            start_date__lte=on,
            end_date__gte=on,
        )
        .order_by("-version")
        .first()
    )


def assessor_results(skp: Skp, assessor: Employee | None) -> list[PlannedResult]:
    """The results this SKP's main results may support: the assessor's approved SKP."""
    if assessor is None:
        return []
    on = max(skp.start_date, min(today(), skp.end_date))
    superior_skp = approved_skp_of(assessor, skp.period, on)
    if superior_skp is None:
        return []
    return list(superior_skp.results.prefetch_related("indicators"))


def assessor_has_results(skp: Skp, assessor: Employee | None) -> bool:
    """Whether ``assessor_results`` would offer anything, in one query."""
    if assessor is None:
        return False
    on = max(skp.start_date, min(today(), skp.end_date))
    superior_skp = Skp.objects.filter(
        employee=assessor,
        period_id=skp.period_id,
        status=SkpStatus.APPROVED,
        start_date__lte=on,
        end_date__gte=on,
    ).order_by("-version")
    return PlannedResult.objects.filter(skp=Subquery(superior_skp.values("pk")[:1])).exists()


def goals_for(skp: Skp) -> QuerySet[OrganisationGoal]:
    """Goals a senior executive may support: those of the period, their unit's first."""
    return OrganisationGoal.objects.filter(period=skp.period).prefetch_related("indicators")


def team_plans(employee_ids: set[int], period: AssessmentPeriod) -> QuerySet[Employee]:
    """Each employee with ``plans`` (their live SKPs in the period), for queues."""
    return (
        Employee.objects.filter(pk__in=employee_ids)
        .prefetch_related(
            Prefetch(
                "skps",
                queryset=Skp.objects.filter(period=period, status__in=LIVE_STATUSES)
                .select_related("position")
                .order_by("-start_date"),
                to_attr="plans",
            )
        )
        .order_by("name")
    )


def unlinked_results(
    period: AssessmentPeriod, employees: QuerySet[Employee]
) -> QuerySet[PlannedResult]:
    """Main results of live SKPs that support nothing yet (HR's list)."""
    return (
        PlannedResult.objects.filter(
            skp__period=period,
            skp__status__in=LIVE_STATUSES,
            skp__employee__in=employees,
            kind=ResultKind.MAIN,
        )
        .annotate(link_count=Count("links"))
        .filter(link_count=0)
        .select_related("skp__employee", "skp__position__unit")
        .order_by("skp__employee__name")
    )


# What the cascade screens show of a link's result, its SKP, employee and post: a tree of
# a large goal holds thousands of links, and whole rows (timestamps, every column) cost
# more to load than the page takes to render.
_CASCADE_FIELDS = (
    "supports_result_id",
    "result__uuid",
    "result__text",
    "result__order",
    "result__skp__uuid",
    "result__skp__status",
    "result__skp__version",
    "result__skp__employee__name",
    "result__skp__employee__front_title",
    "result__skp__employee__back_title",
    "result__skp__position__name",
    "result__skp__position__unit__agency_id",
    "result__skp__position__unit__path",
)


def _cascade_links(condition: Q) -> QuerySet[CascadeLink]:
    return (
        CascadeLink.objects.filter(condition)
        .select_related("result__skp__employee", "result__skp__position__unit")
        .only(*_CASCADE_FIELDS)
        # The tree sorts each level itself; the model's ordering would join period and
        # employee through the result's SKP.
        .order_by()
    )


def cascade_children(result_ids: list[int]) -> dict[int, list[PlannedResult]]:
    """The results supporting each of ``result_ids``, one query per tree level."""
    children: dict[int, list[PlannedResult]] = {}
    for link in _cascade_links(Q(supports_result_id__in=result_ids)):
        if link.result.skp.status in LIVE_STATUSES:
            children.setdefault(link.supports_result_id, []).append(link.result)
    return children


def goal_roots(goal: OrganisationGoal) -> list[PlannedResult]:
    return [
        link.result
        for link in _cascade_links(Q(supports_goal=goal))
        if link.result.skp.status in LIVE_STATUSES
    ]


def library_for(agency: Agency, position_kind: str = "") -> QuerySet[IndicatorTemplate]:
    templates = IndicatorTemplate.objects.filter(
        Q(agency=agency) | Q(agency__isnull=True), is_active=True
    )
    if position_kind:
        templates = templates.filter(Q(position_kind=position_kind) | Q(position_kind=""))
    return templates


def managed_employees(user) -> QuerySet[Employee]:
    return employees_managed_by(user)


def unit_subtree_employees(unit: Unit, on: datetime.date) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_in_subtree(unit.path, on))


# --- cascade screens: the role–result matrix, the tree, unlinked results ---------------

MAX_CASCADE_DEPTH = 12
"""Deeper than any real chain of assessors; bounds the tree if data were ever cyclic."""


def periods_visible_to(user) -> QuerySet[AssessmentPeriod]:
    """Periods of the agencies whose directory the user may see."""
    return AssessmentPeriod.objects.filter(agency__in=agencies_visible_to(user)).select_related(
        "agency"
    )


def goals_visible_to(user) -> QuerySet[OrganisationGoal]:
    """Organisation goals the user may read: every goal of their own agency, and those
    of the units their HR or leader roles cover (``planning.view_unit_plans``)."""
    actor = actor_for(user)
    if actor.is_superuser:
        return OrganisationGoal.objects.all()
    condition = Q(pk__in=[])
    if actor.employee is not None:
        condition |= Q(period__agency_id=actor.employee.agency_id)
    for scope in actor.read_scopes:
        part = Q(unit__agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(unit__path__startswith=scope.path)
        condition |= part
    return OrganisationGoal.objects.filter(condition)


def matrix_rows(employee_ids: set[int], period: AssessmentPeriod, on: datetime.date):
    """The assessor's team for the role–result matrix, in five queries whatever its size:
    each employee with ``current_assignments`` and ``plans`` (live SKPs in force on
    ``on``, the newest version first), whose results come with their links."""
    return (
        Employee.objects.filter(pk__in=employee_ids)
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(active_on(on)).select_related("position__unit"),
                to_attr="current_assignments",
            ),
            Prefetch(
                "skps",
                queryset=Skp.objects.filter(
                    period=period,
                    status__in=LIVE_STATUSES,
                    start_date__lte=on,
                    end_date__gte=on,
                )
                .order_by("-version", "-start_date")
                .prefetch_related(
                    Prefetch("results", queryset=PlannedResult.objects.prefetch_related("links"))
                ),
                to_attr="plans",
            ),
        )
        .order_by("name")
    )


CASCADE_PAGE_LEVELS = 3
"""Levels of the cascade tree a page renders: the goal's supporters and the two levels
below, which the page shows open. Deeper branches load when opened, so a large goal's
page stays small (a whole office's tree is thousands of results)."""


@dataclass
class CascadeNode:
    """One result in the cascade tree with the results that support it: ``children``
    down to the levels loaded, ``child_count`` also below them."""

    result: PlannedResult
    children: list["CascadeNode"] = field(default_factory=list)
    child_count: int = 0


def _node_order(result: PlannedResult) -> tuple:
    return (result.skp.employee.name, result.skp.version, result.order, result.pk)


def _grow(results: list[PlannedResult], levels: int) -> list[CascadeNode]:
    """``results`` as nodes with ``levels - 1`` levels of supporters below them, one
    query per level, and how many supporters each node of the last level has."""
    nodes = [CascadeNode(r) for r in sorted(results, key=_node_order)]
    level = nodes
    for _depth in range(levels - 1):
        if not level:
            break
        children = cascade_children([node.result.pk for node in level])
        next_level = []
        for node in level:
            node.children = [
                CascadeNode(r) for r in sorted(children.get(node.result.pk, []), key=_node_order)
            ]
            node.child_count = len(node.children)
            next_level += node.children
        level = next_level
    if level:
        counts = dict(
            CascadeLink.objects.filter(
                supports_result_id__in=[node.result.pk for node in level],
                result__skp__status__in=LIVE_STATUSES,
            )
            .values("supports_result_id")
            .annotate(n=Count("pk"))
            .values_list("supports_result_id", "n")
        )
        for node in level:
            node.child_count = counts.get(node.result.pk, 0)
    return nodes


def cascade_tree(goal: OrganisationGoal, levels: int = CASCADE_PAGE_LEVELS) -> list[CascadeNode]:
    """The results supporting a goal and, level by level, the results below them."""
    return _grow(goal_roots(goal), levels)


def cascade_branch(result: PlannedResult, levels: int = 1) -> list[CascadeNode]:
    """The results supporting ``result``, for opening a branch below the page's levels."""
    return _grow(cascade_children([result.pk]).get(result.pk, []), levels)


@dataclass
class CascadeSize:
    results: int
    people: int
    result_ids: set[int]


def cascade_size(goal: OrganisationGoal) -> CascadeSize:
    """How many results the whole tree holds (one per place in it) and whose they are:
    ids only, one query per level, however many of them the page renders."""
    live = Q(result__skp__status__in=LIVE_STATUSES)
    rows = list(
        CascadeLink.objects.filter(live, supports_goal=goal)
        .order_by()
        .values_list("result_id", "result__skp__employee_id")
    )
    places, people, result_ids = 0, set[int](), set[int]()
    for _depth in range(MAX_CASCADE_DEPTH):
        if not rows:
            break
        places += len(rows)
        people.update(employee for _result, employee in rows)
        level = [result for result, _employee in rows]
        result_ids.update(level)
        rows = list(
            CascadeLink.objects.filter(live, supports_result_id__in=level)
            .order_by()
            .values_list("result_id", "result__skp__employee_id")
        )
    return CascadeSize(places, len(people), result_ids)


def employees_without_skp(
    employees: QuerySet[Employee], period: AssessmentPeriod, on: datetime.date
) -> QuerySet[Employee]:
    """Active employees holding a post on ``on`` with no live SKP in the period, each
    with ``current_assignments``."""
    return (
        employees.filter(is_active=True)
        .filter(Exists(Assignment.objects.filter(active_on(on), employee=OuterRef("pk"))))
        .exclude(
            Exists(
                Skp.objects.filter(employee=OuterRef("pk"), period=period, status__in=LIVE_STATUSES)
            )
        )
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(active_on(on)).select_related("position__unit"),
                to_attr="current_assignments",
            )
        )
        .order_by("name")
    )


def library_list(
    agency: Agency | None,
    *,
    field_name: str = "",
    position_kind: str = "",
    include_inactive: bool = False,
) -> QuerySet[IndicatorTemplate]:
    """The indicator library seen from an agency: its own suggestions and the national
    ones (``agency`` None: the national ones only), filtered for the library screen."""
    templates = IndicatorTemplate.objects.filter(
        Q(agency__isnull=True) | Q(agency=agency) if agency is not None else Q(agency__isnull=True)
    ).select_related("agency")
    if not include_inactive:
        templates = templates.filter(is_active=True)
    if field_name:
        templates = templates.filter(field=field_name)
    if position_kind:
        templates = templates.filter(Q(position_kind=position_kind) | Q(position_kind=""))
    return templates
