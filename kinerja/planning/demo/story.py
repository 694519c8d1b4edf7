"""The story the demo plans tell: who is still waiting, when plans were submitted and
approved, and which messages the demo logins received."""

import datetime
import random

from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.clock import now
from kinerja.notifications.services import notify
from kinerja.org.demo import PERSONA_POSTS
from kinerja.planning.demo import wording
from kinerja.planning.demo.chart import Chart
from kinerja.planning.demo.drafts import SkpDraft
from kinerja.planning.enums import SkpStatus

# Shares of the plans that are not approved yet (the rest is approved).
SHARES = {SkpStatus.SUBMITTED: 0.05, SkpStatus.DRAFT: 0.03, SkpStatus.RETURNED: 0.02}

# What the assessor persona's and the school head persona's teams are waiting with.
TEAM_STATES = (
    ("assessor", (SkpStatus.SUBMITTED, SkpStatus.RETURNED, SkpStatus.DRAFT)),
    ("school_head", (SkpStatus.SUBMITTED, SkpStatus.DRAFT)),
)


def persona_ids(chart: Chart) -> dict[str, int]:
    """The employees behind the demo logins, by persona."""
    by_code = {p.code: p for p in chart.posts.values()}
    found = {}
    for persona, code in PERSONA_POSTS.items():
        post = by_code.get(code)
        holder = post and chart.holder(post.pk, exclude=0)
        if holder is not None:
            found[persona] = holder.employee_id
    return found


def choose_statuses(
    chart: Chart, rng: random.Random, people: list[int], protected: set[int]
) -> dict[int, str]:
    """Which plans are not approved yet (the others are).

    Only people who assess nobody can wait, so every approved plan's results have an
    approved plan above them. The demo logins get states to try the workflow with: the
    employee's plan is approved, the teacher's returned with a comment, and the
    assessor's and school head's teams have plans waiting for them. ``people`` come in
    a stable order; ``protected`` are left approved (a transfer's old assessor)."""
    assessors = {h.employee_id for e in people if (h := chart.assessor_of(e))}
    personas = persona_ids(chart)
    logins = set(personas.values())
    busy = assessors | logins
    statuses: dict[int, str] = {}
    if "employee" in personas:
        statuses[personas["employee"]] = SkpStatus.APPROVED
    if "teacher" in personas:
        statuses[personas["teacher"]] = SkpStatus.RETURNED
    for persona, waiting in TEAM_STATES:
        if persona not in personas:
            continue
        team = [
            e
            for e in people
            if (h := chart.assessor_of(e))
            and h.employee_id == personas[persona]
            and e not in busy
            and e not in statuses
        ]
        statuses.update(zip(team, waiting, strict=False))
    leaves = [
        e
        for e in people
        if e not in busy
        and e not in protected
        and e not in statuses
        and not chart.posts[chart.primary(e).position_id].is_senior
        and not chart.acting(e)
    ]
    for status, share in SHARES.items():
        wanted = round(len(people) * share) - sum(1 for s in statuses.values() if s == status)
        chosen = rng.sample(leaves, max(0, min(wanted, len(leaves))))
        statuses.update(dict.fromkeys(chosen, status))
        leaves = [e for e in leaves if e not in statuses]
    return statuses


def stamp(rng: random.Random, draft: SkpDraft, superior: int | None) -> None:
    """Dates of submission and approval, as ``skp_submit`` and ``skp_approve`` set
    them: in January, assessors a few days before the people they assess; plans still
    waiting were submitted in the last weeks."""
    current = now()
    if draft.status == SkpStatus.APPROVED:
        approved_on = draft.start_date + datetime.timedelta(
            days=3 + 3 * draft.depth + rng.randint(0, 2)
        )
        draft.approved_at = min(_at(rng, approved_on), current)
        draft.submitted_at = min(
            _at(rng, max(draft.start_date, approved_on - datetime.timedelta(days=2))),
            draft.approved_at,
        )
        if draft.assessor is not None:
            draft.approved_by_id = draft.assessor.employee_id
            draft.superior_id = superior
    elif draft.status in (SkpStatus.SUBMITTED, SkpStatus.RETURNED):
        days = rng.randint(1, 6) if draft.status == SkpStatus.SUBMITTED else rng.randint(7, 20)
        draft.submitted_at = max(
            _at(rng, draft.start_date), current - datetime.timedelta(days=days)
        )
        if draft.status == SkpStatus.RETURNED:
            draft.review_comment = rng.choice(wording.REVIEW_COMMENTS)


def _at(rng: random.Random, day: datetime.date) -> datetime.datetime:
    """A moment in office hours on ``day``."""
    moment = datetime.datetime.combine(day, datetime.time(8 + rng.randrange(7), rng.randrange(60)))
    return timezone.make_aware(moment)


def notify_personas(chart: Chart, drafts: list[SkpDraft]) -> None:
    """The messages the services would have sent the demo logins (nobody else logs in):
    their own plan approved or returned, and plans submitted to them."""
    personas = set(persona_ids(chart).values())
    for draft in drafts:
        link = f"/rencana/skp/{draft.uuid}/"
        employee = chart.employees[draft.employee_id]
        if draft.employee_id in personas and employee.user is not None:
            if draft.status == SkpStatus.APPROVED and draft.closed_on is None:
                notify(recipient=employee.user, title=_("Your SKP has been approved"), link=link)
            elif draft.status == SkpStatus.RETURNED:
                notify(
                    recipient=employee.user,
                    title=_("Your SKP was returned for changes"),
                    body=draft.review_comment,
                    link=link,
                )
        assessor = draft.assessor and chart.employees.get(draft.assessor.employee_id)
        if (
            draft.status == SkpStatus.SUBMITTED
            and assessor
            and assessor.pk in personas
            and assessor.user is not None
        ):
            notify(
                recipient=assessor.user,
                title=_("%(name)s submitted an SKP for approval") % {"name": employee.full_name},
                link=link,
            )
