"""Reads of 360° feedback rounds.

Nothing here returns an answer together with its rater: progress is counted from the
assignments, figures are computed from the answers by group, and no function takes
both. ``subject_summary`` is what the evaluation page includes (see
``templates/multirater/summary.html`` for the include contract).
"""

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from kinerja.access.permissions import actor_for, scope_condition
from kinerja.multirater.enums import AssignmentStatus, RaterRelation, RoundStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round, Subject
from kinerja.org.models import Employee
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import BERAKHLAK_2021, CoreValue
from kinerja.regulation.multirater import (
    HOUSE_SCALE_1_5,
    GroupAggregate,
    ValueAggregate,
    aggregate_group,
    effective_min_group,
    explain_group,
    explain_scale,
    is_anonymous,
    release_comments,
)

GROUP_ORDER = [
    RaterRelation.ASSESSOR,
    RaterRelation.PEER,
    RaterRelation.SUBORDINATE,
    RaterRelation.SELF,
]


def rounds_visible_to(user: Any) -> QuerySet[Round]:
    """Rounds whose unit lies in one of the user's HR scopes (every round for superadmins)."""
    actor = actor_for(user)
    rounds = Round.objects.all()
    if actor.is_superuser:
        return rounds
    return rounds.filter(scope_condition(actor.hr_scopes, "root_unit__"))


def subjects_visible_to(user: Any) -> QuerySet[Subject]:
    """The people rated in the rounds the user sees, with what the rater pages show."""
    return Subject.objects.filter(round__in=rounds_visible_to(user)).select_related(
        "employee", "position__unit", "round__root_unit", "round__period"
    )


def rater_assignments_visible_to(user: Any) -> QuerySet[RaterAssignment]:
    """The requests for feedback in the rounds the user sees, with their round and rater."""
    return RaterAssignment.objects.filter(
        subject__round__in=rounds_visible_to(user)
    ).select_related("subject__round__root_unit", "rater")


def _count(queryset: QuerySet, round_field: str = "subject__round") -> Coalesce:
    """How many rows of ``queryset`` (already filtered to one outer round) there are."""
    return Coalesce(
        Subquery(queryset.order_by().values(round_field).annotate(n=Count("pk")).values("n")),
        Value(0),
        output_field=IntegerField(),
    )


def round_list(rounds: QuerySet[Round]) -> QuerySet[Round]:
    """Rounds with their unit, period and counts of people rated, forms and answers."""
    per_round = RaterAssignment.objects.filter(subject__round=OuterRef("pk"))
    return (
        rounds.select_related("root_unit", "period", "agency")
        .annotate(
            subject_count=_count(Subject.objects.filter(round=OuterRef("pk")), "round"),
            assigned_count=_count(per_round),
            answered_count=_count(per_round.filter(status=AssignmentStatus.ANSWERED)),
        )
        .order_by("-created_at", "-pk")
    )


@dataclass
class GroupCount:
    relation: str
    label: str
    assigned: int = 0
    answered: int = 0


@dataclass
class SubjectProgress:
    subject: Subject
    groups: list[GroupCount]
    notes: list[dict]


@dataclass
class Progress:
    groups: list[GroupCount]
    subjects: list[SubjectProgress]
    assigned: int
    answered: int


def _group_counts() -> dict[str, GroupCount]:
    return {r.value: GroupCount(r.value, str(r.label)) for r in GROUP_ORDER}


def round_progress(round_: Round) -> Progress:
    """Answered and assigned forms per rater group, for the round and per person rated.

    Counts only: which rater answered is never part of it. Two queries.
    """
    totals = _group_counts()
    per_subject: dict[int, dict[str, GroupCount]] = {}
    rows = (
        RaterAssignment.objects.filter(subject__round=round_)
        .values("subject_id", "relation")
        .annotate(
            assigned=Count("pk"), answered=Count("pk", filter=Q(status=AssignmentStatus.ANSWERED))
        )
        .order_by()
    )
    for row in rows:
        for counts in (totals, per_subject.setdefault(row["subject_id"], _group_counts())):
            counts[row["relation"]].assigned += row["assigned"]
            counts[row["relation"]].answered += row["answered"]
    subjects = list(
        Subject.objects.filter(round=round_)
        .select_related("employee", "position__unit")
        .order_by("employee__name", "pk")
    )
    return Progress(
        groups=list(totals.values()),
        subjects=[
            SubjectProgress(
                subject=s,
                groups=list(per_subject.get(s.pk, _group_counts()).values()),
                notes=s.notes,
            )
            for s in subjects
        ],
        assigned=sum(g.assigned for g in totals.values()),
        answered=sum(g.answered for g in totals.values()),
    )


def rater_by_nip(subject: Subject, nip: str) -> Employee | None:
    """The employee of the round's agency with this NIP (or NI PPPK), to be added as a rater."""
    return Employee.objects.filter(nip=nip.strip(), agency_id=subject.round.agency_id).first()


def subject_raters(subject: Subject) -> list[RaterAssignment]:
    """Who is asked to rate one person (for HR's editing page): raters and groups."""
    return list(
        RaterAssignment.objects.filter(subject=subject)
        .select_related("rater")
        .order_by("relation", "rater__name", "pk")
    )


def tasks_of(employee: Employee | None) -> QuerySet[RaterAssignment]:
    """The forms an employee is asked to fill in, in rounds that are not drafts."""
    if employee is None:
        return RaterAssignment.objects.none()
    return (
        RaterAssignment.objects.filter(rater=employee)
        .exclude(subject__round__status=RoundStatus.DRAFT)
        .select_related(
            "subject__employee",
            "subject__position",
            "subject__round__root_unit",
            "subject__round__period",
        )
        .order_by("status", "-subject__round__created_at", "subject__employee__name", "pk")
    )


def results_of(employee: Employee | None) -> QuerySet[Subject]:
    """The closed rounds in which the employee was rated (their own results)."""
    if employee is None:
        return Subject.objects.none()
    return (
        Subject.objects.filter(employee=employee, round__status=RoundStatus.CLOSED)
        .select_related("round__root_unit", "round__period")
        .order_by("-round__closed_at", "-pk")
    )


# --- the summary beside the behaviour rating -------------------------------------------


@dataclass
class ValueRow:
    """One BerAKHLAK value across the groups shown: ``cells`` follows ``groups``."""

    value: CoreValue
    cells: list[ValueAggregate | None]


@dataclass
class GroupView:
    relation: str
    label: str
    anonymous: bool
    shown: bool
    count: int | None  # None when hidden: the exact number is not needed to explain why
    explanation: str
    comments: list[str] = field(default_factory=list)


@dataclass
class Summary:
    subject: Subject
    round: Round
    closed: bool
    groups: list[GroupView]
    rows: list[ValueRow]
    scale: tuple = HOUSE_SCALE_1_5
    scale_explanation: str = ""
    min_group: int = 3


def _summary(subject: Subject, rng: random.Random | None) -> Summary:
    round_ = subject.round
    threshold = effective_min_group(round_.min_group)
    summary = Summary(
        subject=subject,
        round=round_,
        closed=round_.status == RoundStatus.CLOSED,
        groups=[],
        rows=[],
        scale_explanation=explain_scale(),
        min_group=threshold,
    )
    if not summary.closed:
        # Figures read while answers still arrive could be subtracted from later ones
        # to isolate one answer, so nothing is shown before the round closes.
        return summary
    by_group: dict[str, list[Answer]] = {}
    for answer in Answer.objects.filter(subject=subject).only("relation", "scores", "comments"):
        by_group.setdefault(answer.relation, []).append(answer)
    asked = set(
        RaterAssignment.objects.filter(subject=subject)
        .order_by()
        .values_list("relation", flat=True)
        .distinct()
    )
    aggregates: list[GroupAggregate | None] = []
    for relation in GROUP_ORDER:
        answers = by_group.get(relation.value, [])
        scores = [a.scores for a in answers]
        aggregate = aggregate_group(relation.value, scores, min_group=threshold)
        if not answers and (relation.value not in asked or not is_anonymous(relation.value)):
            # Nobody of this group was asked (no subordinates), or the assessor or the
            # employee did not answer: nothing to say.
            continue
        comments = release_comments(
            relation.value,
            [text for a in answers for text in a.comments.values()],
            answered=len(answers),
            min_group=threshold,
            rng=rng,
        )
        summary.groups.append(
            GroupView(
                relation=relation.value,
                label=str(relation.label),
                anonymous=is_anonymous(relation.value),
                shown=aggregate is not None,
                count=aggregate.count if aggregate is not None else None,
                explanation=explain_group(relation.value, len(answers), min_group=threshold),
                comments=comments if aggregate is not None else [],
            )
        )
        aggregates.append(aggregate)
    for value in BERAKHLAK_2021:
        cells = []
        for aggregate in aggregates:
            found = None
            if aggregate is not None:
                found = next((v for v in aggregate.values if v.code == value.code), None)
            cells.append(found)
        summary.rows.append(ValueRow(value=value, cells=cells))
    return summary


def subject_for(
    employee: Employee, period: AssessmentPeriod, *, on: datetime.date | None = None
) -> Subject | None:
    """Where ``employee`` was rated for ``period``: the latest closed round of the period
    that rated them, else the latest open one (which shows no figures yet), else
    ``None``. Rounds whose org chart date is after ``on`` are left out."""
    subjects = (
        Subject.objects.filter(employee=employee, round__period=period)
        .exclude(round__status=RoundStatus.DRAFT)
        .select_related("employee", "round__root_unit", "round__period")
    )
    if on is not None:
        subjects = subjects.filter(round__reference_date__lte=on)
    return (
        subjects.filter(round__status=RoundStatus.CLOSED)
        .order_by("-round__closed_at", "-pk")
        .first()
        or subjects.order_by("-round__created_at", "-pk").first()
    )


def subject_summary(
    employee: Employee,
    period: AssessmentPeriod,
    *,
    on: datetime.date | None = None,
    rng: random.Random | None = None,
) -> Summary | None:
    """The 360° input for ``employee``'s behaviour rating in ``period`` (see
    ``subject_for``), or ``None``. Callers check ``multirater.view_summary`` on
    ``summary.subject`` before showing it, or ask ``subject_for`` first and summarise
    only what they may show."""
    subject = subject_for(employee, period, on=on)
    if subject is None:
        return None
    return _summary(subject, rng)


def summary_of(subject: Subject, *, rng: random.Random | None = None) -> Summary:
    return _summary(subject, rng)
