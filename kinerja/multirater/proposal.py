"""Who rates whom: raters proposed from the org chart as it stood on the round's date.

For every employee whose primary post on the date lies in the round's unit subtree:

* the assessor (pejabat penilai kinerja) derived by ``org.supervision`` on the date;
* peers: holders of posts of the same kind and level (jenjang) in the same unit, at
  most ``MAX_PROPOSED_PEERS`` drawn by a seeded lot; when fewer than
  ``MIN_PROPOSED_PEERS`` exist there, the search widens to the parent unit's subtree
  and the subject's notes say so;
* subordinates: the people the employee assesses on the date;
* the employee themself, when the round includes a self-assessment.

Nothing is stored here: ``services.round_open`` writes the result.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When

from kinerja.org.enums import AssignmentKind
from kinerja.org.models import Assignment, Employee, Position, Unit
from kinerja.org.selectors import active_on, assessees_of, superiors_of
from kinerja.regulation.multirater import MAX_PROPOSED_PEERS, MIN_PROPOSED_PEERS, Relation

_HOLDER_RANK = Case(
    When(kind=AssignmentKind.DEFINITIVE, then=Value(0)),
    When(kind=AssignmentKind.PLT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@dataclass
class ProposedSubject:
    employee: Employee
    position: Position
    raters: list[tuple[int, str]] = field(default_factory=list)  # (employee id, relation)
    notes: list[dict] = field(default_factory=list)


def primary_posts(path: str, on: datetime.date) -> dict[int, Position]:
    """Each active employee whose primary post on ``on`` lies under ``path``, with it.

    The primary post is the definitive one, else a Plt, else a Plh (as in
    ``org.supervision``); someone acting in the subtree whose own post lies elsewhere
    belongs where that post is. Two queries.
    """
    inside = Assignment.objects.filter(
        active_on(on), position__unit__path__startswith=path, employee__is_active=True
    ).values("employee_id")
    rows = (
        Assignment.objects.filter(active_on(on), employee_id__in=inside)
        .select_related("position__unit", "employee")
        .order_by("employee_id", _HOLDER_RANK, "-start_date")
    )
    posts: dict[int, Position] = {}
    for row in rows:
        if row.employee_id not in posts:
            posts[row.employee_id] = row.position
            row.position.holder = row.employee
    return {pk: p for pk, p in posts.items() if p.unit.path.startswith(path)}


def _peer_key(position: Position) -> tuple[int, str, str]:
    return (position.unit_id, position.kind, position.level)


class Proposer:
    """Proposes the raters of a round; peers of a parent unit are loaded once per unit."""

    def __init__(self, *, root: Unit, on: datetime.date, seed: str, include_self: bool):
        self.root = root
        self.on = on
        self.seed = seed
        self.include_self = include_self
        self.posts = primary_posts(root.path, on)
        self._wider: dict[int, dict[int, Position]] = {}
        self._units: dict[int, Unit] = {}

    def _within(self, unit_id: int) -> dict[int, Position]:
        """Primary posts in the subtree of ``unit_id`` (from memory inside the root)."""
        if unit_id not in self._wider:
            unit = Unit.objects.get(pk=unit_id)
            self._units[unit_id] = unit
            if unit.path.startswith(self.root.path):
                self._wider[unit_id] = {
                    pk: p for pk, p in self.posts.items() if p.unit.path.startswith(unit.path)
                }
            else:
                self._wider[unit_id] = primary_posts(unit.path, self.on)
        return self._wider[unit_id]

    def _peers(self, employee_id: int, position: Position, exclude: set[int]) -> tuple[list, list]:
        notes: list[dict] = []
        lot = random.Random(f"{self.seed}:{employee_id}")  # noqa: S311 -- a fair draw, not a secret
        same_kind = [
            pk
            for pk, p in self.posts.items()
            if _peer_key(p) == _peer_key(position) and pk != employee_id and pk not in exclude
        ]
        same_kind.sort()
        chosen = lot.sample(same_kind, min(len(same_kind), MAX_PROPOSED_PEERS))
        parent_id = position.unit.parent_id
        if len(chosen) < MIN_PROPOSED_PEERS and parent_id is not None:
            wider = sorted(
                pk
                for pk, p in self._within(parent_id).items()
                if p.kind == position.kind
                and p.level == position.level
                and pk != employee_id
                and pk not in exclude
                and pk not in chosen
            )
            room = MAX_PROPOSED_PEERS - len(chosen)
            added = lot.sample(wider, min(len(wider), room))
            if added:
                chosen += added
                notes.append(
                    {
                        "code": "peers_widened",
                        "unit": position.unit.name,
                        "parent": self._units[parent_id].name,
                    }
                )
        return chosen, notes

    def propose(self) -> list[ProposedSubject]:
        proposals = []
        for employee_id in sorted(self.posts):
            position = self.posts[employee_id]
            subject = ProposedSubject(employee=position.holder, position=position)
            taken: set[int] = {employee_id}
            superiors = superiors_of(position.holder, self.on)
            if superiors.assessor is not None:
                assessor_id = superiors.assessor.employee.pk
                subject.raters.append((assessor_id, Relation.ASSESSOR.value))
                taken.add(assessor_id)
            else:
                subject.notes.append(
                    {"code": "no_assessor", "assessor": superiors.external_assessor}
                )
            assessed = assessees_of(position.holder, self.on) - taken
            subordinates = (
                sorted(
                    Employee.objects.filter(pk__in=assessed, is_active=True).values_list(
                        "pk", flat=True
                    )
                )
                if assessed
                else []
            )
            peers, notes = self._peers(employee_id, position, taken | set(subordinates))
            subject.notes.extend(notes)
            subject.raters.extend((pk, Relation.PEER.value) for pk in peers)
            if len(peers) < MIN_PROPOSED_PEERS:
                subject.notes.append({"code": "peers_too_few", "count": len(peers)})
            subject.raters.extend((pk, Relation.SUBORDINATE.value) for pk in subordinates)
            if self.include_self:
                subject.raters.append((employee_id, Relation.SELF.value))
            proposals.append(subject)
        return proposals
