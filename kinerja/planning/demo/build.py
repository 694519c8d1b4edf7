"""Build the demo agency's plans for the current year, set-based.

Everything is planned in memory first: the period and the goals go through the
services (a few dozen rows), then every employee's SKP is drafted in the order of the
assessment chain (assessors before the people they assess), so each main result can
point at a result of the assessor's approved SKP already in memory. The rows are then
written set-based by ``kinerja.planning.demo.store``.
"""

import datetime
import random
from collections import Counter

from kinerja.org.enums import AssignmentKind, PositionKind, UnitKind
from kinerja.org.models import Assignment, Unit
from kinerja.org.selectors import superiors_of
from kinerja.planning import services
from kinerja.planning.demo import goals as g
from kinerja.planning.demo import results as r
from kinerja.planning.demo import story, wording
from kinerja.planning.demo.chart import Chart, Holding, PostRow, UnitRow
from kinerja.planning.demo.drafts import INTERNAL, SERVICE, GoalRow, ResultDraft, SkpDraft
from kinerja.planning.enums import AnnexKind, ResultKind, SkpStatus
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

ADDITIONAL_CHANCE = 0.12
MAX_ACTING_RESULTS = 3

SETDA_FIELDS = {
    "HUKUM": "legal",
    "PBJ": "procurement",
    "PROKOM": "public_relations",
    "ADPEM": "planning",
    "UMUM": "administration",
    "ORG": "policy",
    "EKON": "policy",
    "PEM": "policy",
    "KESRA": "policy",
}
OFFICE_FIELDS = {
    "SETDA": "policy",
    "DINKES": "health",
    "DISDIK": "education",
    "DISHUB": "transport",
    "DLH": "environment",
    "DISPAR": "tourism",
    "BKPSDM": "hr",
    "DPMPTSP": "licensing",
}
UNIT_FIELDS = {"DPMPTSP-PM": "investment", "DISHUB-PKB": "vehicle_testing", "DLH-TPA": "landfill"}
KIND_FIELDS = {UnitKind.HEALTH_CENTRE: "health_centre", UnitKind.SCHOOL: "school"}
NAME_FIELDS = (("Subbagian Keuangan", "finance"), ("Subbagian Perencanaan", "planning"))
HEAD_FIELD = {"landfill": "environment", "vehicle_testing": "transport"}


def unit_field(unit: UnitRow) -> str:
    """The field of work of a unit, from its place in the demo layout."""
    if unit.kind in KIND_FIELDS:
        return KIND_FIELDS[unit.kind]
    for prefix, name in NAME_FIELDS:
        if unit.name.startswith(prefix):
            return name
    if "-SEKR" in unit.code:
        return "administration"
    for prefix, name in UNIT_FIELDS.items():
        if unit.code.startswith(prefix):
            return name
    parts = unit.code.split("-")
    if parts[0] == "SETDA" and len(parts) > 2:
        return SETDA_FIELDS.get(parts[2], "administration")
    return OFFICE_FIELDS.get(parts[0], "programme")


def unit_theme(unit: UnitRow) -> str:
    return INTERNAL if "-SEKR" in unit.code else SERVICE


class Builder:
    def __init__(self, *, period: AssessmentPeriod, chart: Chart, seed: int, actor=None):
        self.period = period
        self.chart = chart
        self.rng = random.Random(seed)  # noqa: S311 -- reproducible demo data, not secrets
        self.actor = actor
        self.head_title = period.agency.head_title
        self.goals: dict[str, list[GoalRow]] = {}
        self.plans: dict[int, SkpDraft] = {}
        self.closed: list[SkpDraft] = []
        self.team_counter: Counter[int] = Counter()

    # --- goals -------------------------------------------------------------------------

    def create_goals(self) -> None:
        """The city's goals on the top unit, and each office's on its own unit."""
        source = g.plan_period_source(self.period.year)
        top_units = [
            self.chart.units[post.unit_id]
            for post in sorted(self.chart.posts.values(), key=lambda p: p.code)
            if post.is_unit_head
            and post.is_senior
            and self.chart.units[post.unit_id].path.count("/") == 2
        ]
        unit_objects = Unit.objects.in_bulk([unit.pk for unit in top_units])
        for unit in top_units:
            post = self._head_post(unit)
            if post.reports_to_id is None:
                specs = g.CITY_GOALS
            else:
                specs = g.OFFICE_GOALS.get(unit.code) or g.generic_goals(unit.name)
                specs = (*specs, g.internal_goal(len(specs) + 1, unit.code, unit.name))
            rows = []
            for spec in specs:
                goal = services.goal_create(
                    period=self.period,
                    unit=unit_objects[unit.pk],
                    code=f"{unit.code}.SS{spec.number}",
                    title=spec.title,
                    source=source,
                    actor=self.actor,
                )
                ikus = [
                    services.goal_indicator_add(
                        goal=goal,
                        text=iku.text,
                        target_value=iku.typical(),
                        target_unit=iku.unit,
                        actor=self.actor,
                    )
                    for iku in spec.ikus
                ]
                rows.append(GoalRow(spec, goal, ikus))
            self.goals[unit.code] = rows

    def _head_post(self, unit: UnitRow) -> PostRow:
        return next(p for p in self.chart.posts.values() if p.unit_id == unit.pk and p.is_unit_head)

    # --- drafting SKPs -------------------------------------------------------------------

    def _code_of(self, employee_id: int) -> str:
        return self.chart.posts[self.chart.primary(employee_id).position_id].code

    def depth(self, employee_id: int) -> int:
        depth, current = 0, employee_id
        while (holding := self.chart.assessor_of(current)) is not None and depth < 30:
            depth, current = depth + 1, holding.employee_id
        return depth

    def draft_all(self) -> None:
        people = [e for e in self.chart.employees if self.chart.primary(e) is not None]
        depths = {e: self.depth(e) for e in people}
        people.sort(key=lambda e: (depths[e], self._code_of(e)))
        ended = self._ended_posts()
        protected = set()
        for employee_id, assignment in ended:
            protected.add(employee_id)
            old = superiors_of(self.chart.employees[employee_id], assignment.end_date).assessor
            if old is not None:
                protected.add(old.employee.pk)
        statuses = story.choose_statuses(self.chart, self.rng, people, protected)
        for employee_id in people:
            holding = self.chart.primary(employee_id)
            assessor, superior = self.chart.superiors(employee_id)
            draft = self.draft(
                employee_id,
                self.chart.posts[holding.position_id],
                start=max(self.period.start_date, holding.start_date),
                end=self.period.end_date,
                assessor=assessor,
                status=statuses.get(employee_id, SkpStatus.APPROVED),
                depth=depths[employee_id],
                is_acting=holding.kind != AssignmentKind.DEFINITIVE,
                superior=superior.employee_id if superior else None,
            )
            for acting in self.chart.acting(employee_id):
                self.add_acting_results(draft, acting)
            self.plans[employee_id] = draft
        for employee_id, assignment in ended:
            self.draft_closed(employee_id, assignment)

    def _ended_posts(self) -> list[tuple[int, Assignment]]:
        """Definitive posts left this year before today (a transfer): each gets a
        closed SKP beside the one for the new post."""
        rows = Assignment.objects.filter(
            employee__agency=self.period.agency,
            kind=AssignmentKind.DEFINITIVE,
            end_date__gte=self.period.start_date,
            end_date__lt=self.chart.on,
        ).order_by("employee_id", "start_date")
        return [(a.employee_id, a) for a in rows if self.chart.primary(a.employee_id)]

    def draft_closed(self, employee_id: int, assignment: Assignment) -> None:
        superiors = superiors_of(self.chart.employees[employee_id], assignment.end_date)
        if superiors.assessor is None:
            return
        target = self.plans.get(superiors.assessor.employee.pk)
        if target is None or target.status != SkpStatus.APPROVED:
            return
        holding = Holding(
            superiors.assessor.employee.pk,
            superiors.assessor.position.pk,
            superiors.assessor.kind,
            assignment.end_date,
        )
        draft = self.draft(
            employee_id,
            self.chart.posts[assignment.position_id],
            start=max(self.period.start_date, assignment.start_date),
            end=assignment.end_date,
            assessor=holding,
            status=SkpStatus.APPROVED,
            depth=target.depth + 1,
            is_acting=False,
            superior=(
                superiors.assessor_superior.employee.pk if superiors.assessor_superior else None
            ),
        )
        draft.closed_on = assignment.end_date
        self.closed.append(draft)

    def draft(
        self,
        employee_id: int,
        post: PostRow,
        *,
        start: datetime.date,
        end: datetime.date,
        assessor: Holding | None,
        status: str,
        depth: int,
        is_acting: bool,
        superior: int | None = None,
    ) -> SkpDraft:
        unit = self.chart.units[post.unit_id]
        draft = SkpDraft(
            employee_id=employee_id,
            position_id=post.pk,
            is_acting=is_acting,
            start_date=start,
            end_date=end,
            status=status,
            assessor=assessor,
            depth=depth,
        )
        if post.is_senior:
            self.senior_results(draft, post, unit)
        else:
            self.regular_results(draft, post, unit)
            self.link_to_assessor(draft, unit)
        if status == SkpStatus.DRAFT and len(draft.main_results()) > 1 and self.rng.random() < 0.5:
            # An unfinished plan: its last main result is not linked yet.
            draft.main_results()[-1].supports.clear()
        if status != SkpStatus.DRAFT and not self._complete(draft):
            draft.status = SkpStatus.DRAFT
        story.stamp(self.rng, draft, superior)
        return draft

    def _complete(self, draft: SkpDraft) -> bool:
        return bool(draft.main_results()) and all(
            d.supports or d.goals for d in draft.main_results()
        )

    def _result(
        self,
        draft: SkpDraft,
        template: r.ResultTemplate,
        unit_name: str,
        *,
        kind: str = ResultKind.MAIN,
        perspective: str = "",
    ) -> ResultDraft:
        result = ResultDraft(
            skp=draft,
            kind=kind,
            text=r.render(template.text, unit_name),
            order=len(draft.results) + 1,
            perspective=perspective,
            assigned_by=self.head_title if perspective else "",
            indicators=[
                (m.aspect, r.render(m.text, unit_name), m.target(self.rng), m.unit)
                for m in template.measures
            ],
        )
        draft.results.append(result)
        return result

    def senior_results(self, draft: SkpDraft, post: PostRow, unit: UnitRow) -> None:
        """A JPT plans one result per goal of their unit (the Regional Secretary: the
        city's), with the goal's key indicators; assistants plan theirs for the city."""
        draft.pool = "programme"
        key = unit.code.split("-")[1] if unit.code.count("-") == 1 else ""
        city = self.goals.get(self._top_unit_code(), [])
        if unit.code in self.goals:
            for row in self.goals[unit.code]:
                template = r.ResultTemplate(row.spec.rhk, row.spec.ikus)
                result = self._result(draft, template, unit.name, perspective=row.spec.perspective)
                result.goals.append(row.link)
                result.feeds = row.spec.feeds
                result.theme = _perspective_theme(row.spec.perspective)
        elif key in g.ASSISTANT_RESULTS:
            by_number = {row.spec.number: row for row in city}
            for number, text, perspective, measures in g.ASSISTANT_RESULTS[key]:
                template = r.ResultTemplate(text, measures)
                result = self._result(draft, template, unit.name, perspective=perspective)
                row = by_number.get(number)
                if row is not None:
                    result.goals.append(row.link)
                result.theme = _perspective_theme(perspective)
        else:
            for row in self._goals_above(unit) or city:
                template = r.ResultTemplate(row.spec.rhk, row.spec.ikus)
                result = self._result(draft, template, unit.name, perspective=row.spec.perspective)
                result.goals.append(row.link)
        self._annex_and_expectations(draft, senior=True)

    def _top_unit_code(self) -> str:
        top = next(p for p in self.chart.posts.values() if p.reports_to_id is None)
        return self.chart.units[top.unit_id].code

    def _goals_above(self, unit: UnitRow) -> list[GoalRow]:
        by_id = {u.pk: u for u in self.chart.units.values()}
        for pk in reversed([int(x) for x in unit.path.strip("/").split("/")]):
            code = by_id[pk].code
            if code in self.goals:
                return self.goals[code]
        return []

    def regular_results(self, draft: SkpDraft, post: PostRow, unit: UnitRow) -> None:
        rng = self.rng
        field_name = unit_field(unit)
        total = rng.choice((2, 3, 3, 4))
        if post.may_assess:
            if post.is_unit_head and unit.kind == UnitKind.HEALTH_CENTRE:
                draft.pool, chosen = "health_centre_head", r.POOLS["health_centre_head"].results
            elif post.is_unit_head and unit.kind == UnitKind.SCHOOL:
                draft.pool, chosen = "school_head", r.POOLS["school_head"].results
            elif unit.kind == UnitKind.SECRETARIAT:
                draft.pool, chosen = "administration", r.SECRETARY_RESULTS
            else:
                draft.pool = field_name
                head = r.HEAD_RESULTS.get(HEAD_FIELD.get(field_name, field_name), ())[:2]
                programme = r.POOLS["programme"].results
                count = min(len(programme), max(1, total - len(head)))
                chosen = (*head, *_ordered(programme, rng.sample(programme, count)))
        else:
            pool = r.post_pool(post.name) or r.EXECUTOR_POOLS.get(field_name)
            draft.pool = pool or "office_admin"
            own = r.POOLS[pool].results if pool and pool != "office_admin" else ()
            admin = r.POOLS["office_admin"].results
            wanted = total - 1 if post.kind == PositionKind.PELAKSANA else total
            picked = _ordered(own, rng.sample(own, min(len(own), wanted)))
            extra = max(2, total) - len(picked)
            chosen = (*picked, *_ordered(admin, rng.sample(admin, min(len(admin), extra))))
        theme = unit_theme(unit)
        for template in chosen:
            self._result(draft, template, unit.name).theme = theme
        if rng.random() < ADDITIONAL_CHANCE:
            template = rng.choice(r.ADDITIONAL_RESULTS)
            self._result(draft, template, unit.name, kind=ResultKind.ADDITIONAL)
        self._annex_and_expectations(draft, senior=False)

    def add_acting_results(self, draft: SkpDraft, acting: Holding) -> None:
        """A Plt also plans the results of the post they act in (a few, marked as the
        Plt's duty); the people they assess through that post support those. Each
        supports a result of the Plt's own assessor, and for a JPT post also the goals
        of its unit."""
        post = self.chart.posts[acting.position_id]
        if not post.may_assess:
            return
        unit = self.chart.units[post.unit_id]
        scratch = SkpDraft(
            employee_id=draft.employee_id,
            position_id=post.pk,
            is_acting=True,
            start_date=draft.start_date,
            end_date=draft.end_date,
            status=draft.status,
            assessor=draft.assessor,
            depth=draft.depth,
        )
        if post.is_senior:
            self.senior_results(scratch, post, unit)
        else:
            self.regular_results(scratch, post, unit)
        for index, source in enumerate(scratch.main_results()[:MAX_ACTING_RESULTS]):
            result = ResultDraft(
                skp=draft,
                kind=ResultKind.MAIN,
                text=f"{source.text} (tugas Plt.)",
                order=len(draft.results) + 1,
                indicators=source.indicators,
                goals=source.goals,
                feeds=source.feeds,
                theme=source.theme,
                acting_post=post.pk,
            )
            draft.results.append(result)
            self._link(draft, result, unit, index=index + 1)

    def link_to_assessor(self, draft: SkpDraft, unit: UnitRow) -> None:
        for index, result in enumerate(draft.main_results()):
            self._link(draft, result, unit, index=index)

    def _link(self, draft: SkpDraft, result: ResultDraft, unit: UnitRow, *, index: int) -> None:
        """Point ``result`` at one result of the assessor's approved SKP: among those
        for the post the assessor assesses through (their Plt duty, or their own
        results), those fed by this unit and of the same theme, else those fed by it,
        else those of the same theme, else any; spread over the team."""
        assessor = draft.assessor
        if assessor is None:
            return
        target = self.plans.get(assessor.employee_id)
        if target is None or target.status != SkpStatus.APPROVED:
            return
        mains = target.main_results()
        pool = (
            [d for d in mains if d.acting_post == assessor.position_id]
            or [d for d in mains if d.acting_post is None]
            or mains
        )
        fed = [d for d in pool if any(unit.code.startswith(f) for f in d.feeds)]
        themed = [d for d in pool if d.theme == result.theme]
        both = [d for d in fed if d in themed]
        candidates = both or fed or themed or pool
        if index == 0:
            self.team_counter[assessor.employee_id] += 1
        turn = self.team_counter[assessor.employee_id] + index
        result.supports.append(candidates[turn % len(candidates)])

    def _annex_and_expectations(self, draft: SkpDraft, *, senior: bool) -> None:
        rng = self.rng
        lines = [(AnnexKind.RESOURCE_SUPPORT, wording.RESOURCES_GENERAL)]
        if draft.pool in wording.RESOURCES:
            lines.insert(0, (AnnexKind.RESOURCE_SUPPORT, wording.RESOURCES[draft.pool]))
        lines.append((AnnexKind.ACCOUNTABILITY, wording.ACCOUNTABILITY[0]))
        if rng.random() < 0.5:
            lines.append((AnnexKind.ACCOUNTABILITY, wording.ACCOUNTABILITY[1]))
        if senior:
            lines.append((AnnexKind.CONSEQUENCE, wording.SENIOR_CONSEQUENCE))
        else:
            lines.append((AnnexKind.CONSEQUENCE, wording.CONSEQUENCES[0]))
            if rng.random() < 0.5:
                lines.append((AnnexKind.CONSEQUENCE, wording.CONSEQUENCES[1]))
        draft.annex = lines
        draft.expectations = {
            code: rng.choice(wording.EXPECTATIONS[code]) for code in CORE_VALUE_CODES
        }

    def drafts(self) -> list[SkpDraft]:
        return [*self.plans.values(), *self.closed]


def _ordered(pool, chosen) -> tuple:
    """``chosen`` in the order of ``pool``, so a plan reads like the form it came from."""
    return tuple(t for t in pool if t in chosen)


def _perspective_theme(perspective: str) -> str:
    internal = {g.INTERNAL, g.BUDGET}
    return INTERNAL if perspective in internal else SERVICE
