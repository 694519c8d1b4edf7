"""360° feedback: rounds (HR), the caller's forms and answers (raters), and a person's
anonymous summary.

The same rules as the pages: rounds are read from ``rounds_visible_to`` (404 outside),
changes ask ``multirater.manage_round``; a rater sees and answers only their own forms;
the summary asks ``multirater.view_summary``. No response carries the rater of a peer
or subordinate answer: progress is counts per group, figures are released only at the
round's threshold and only once it is closed.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from kinerja.access.permissions import actor_for, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.multirater import (
    AnswerIn,
    ProgressOut,
    RaterIn,
    RaterOut,
    RemindOut,
    RoundIn,
    RoundOut,
    SummaryOut,
    TaskOut,
)
from kinerja.core.exceptions import ApplicationError
from kinerja.multirater import selectors, services
from kinerja.multirater.models import Round, Subject
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import core_value

router = Router(tags=["360° feedback"])


def _round(request: HttpRequest, uuid: UUID, action: str) -> Round:
    round_ = get_object_or_404(
        selectors.round_list(selectors.rounds_visible_to(request.user)), uuid=uuid
    )
    if not may(request.user, action, round_):
        raise PermissionDenied
    return round_


def _fresh(request: HttpRequest, round_: Round) -> Round:
    return selectors.round_list(Round.objects.filter(pk=round_.pk)).get()


@router.get(
    "/multirater/rounds", response=list[RoundOut], summary="360° rounds of the units you manage"
)
@paginate(Pagination)
def round_list(request: HttpRequest):
    return selectors.round_list(selectors.rounds_visible_to(request.user))


@router.post(
    "/multirater/rounds",
    response={201: RoundOut},
    summary="Open a 360° round for a unit subtree",
    description=(
        "Raters are proposed from the org chart on ``on``: the assessor, up to five peers "
        "of the same kind and level (from the parent unit when fewer than three), the "
        "people the employee assesses, and optionally the employee."
    ),
)
def round_create(request: HttpRequest, payload: RoundIn):
    unit = Unit.objects.filter(uuid=payload.root_unit).first()
    if unit is None:
        raise ApplicationError(_("There is no such unit."))
    if not may(request.user, "multirater.manage_round", unit):
        raise PermissionDenied
    period = AssessmentPeriod.objects.filter(uuid=payload.period, agency_id=unit.agency_id).first()
    if period is None:
        raise ApplicationError(_("The unit's agency has no such assessment period."))
    round_ = services.round_open(
        root_unit=unit,
        period=period,
        on=payload.on,
        deadline=payload.deadline,
        min_group=payload.min_group,
        include_self=payload.include_self,
        draft=payload.draft,
        actor=request.user,
    )
    return Status(201, _fresh(request, round_))


@router.get(
    "/multirater/rounds/{uuid}",
    response=ProgressOut,
    summary="A round's progress: answered and asked forms per rater group",
)
def round_get(request: HttpRequest, uuid: UUID):
    round_ = _round(request, uuid, "multirater.view_progress")
    progress = selectors.round_progress(round_)
    return {
        "round": round_,
        "answered": progress.answered,
        "assigned": progress.assigned,
        "groups": progress.groups,
        "subjects": progress.subjects,
    }


@router.post("/multirater/rounds/{uuid}/start", response=RoundOut, summary="Open a draft round")
def round_start(request: HttpRequest, uuid: UUID):
    round_ = _round(request, uuid, "multirater.manage_round")
    services.round_start(round=round_, actor=request.user)
    return _fresh(request, round_)


@router.post(
    "/multirater/rounds/{uuid}/remind",
    response=RemindOut,
    summary="Remind raters who have not answered yet",
)
def round_remind(request: HttpRequest, uuid: UUID):
    round_ = _round(request, uuid, "multirater.manage_round")
    return {"reminded": services.round_remind(round=round_, actor=request.user)}


@router.post("/multirater/rounds/{uuid}/close", response=RoundOut, summary="Close a round")
def round_close(request: HttpRequest, uuid: UUID):
    round_ = _round(request, uuid, "multirater.manage_round")
    services.round_close(round=round_, actor=request.user)
    return _fresh(request, round_)


def _subject(request: HttpRequest, uuid: UUID) -> Subject:
    subject = get_object_or_404(selectors.subjects_visible_to(request.user), uuid=uuid)
    if not may(request.user, "multirater.manage_round", subject.round):
        raise PermissionDenied
    return subject


@router.get(
    "/multirater/subjects/{uuid}/raters",
    response=list[RaterOut],
    summary="Who is asked to rate one person (HR over the round)",
)
def rater_list(request: HttpRequest, uuid: UUID):
    return selectors.subject_raters(_subject(request, uuid))


@router.post(
    "/multirater/subjects/{uuid}/raters",
    response={201: RaterOut},
    summary="Ask one more person to rate (until the round closes)",
)
def rater_add(request: HttpRequest, uuid: UUID, payload: RaterIn):
    subject = _subject(request, uuid)
    rater = selectors.rater_by_nip(subject, payload.nip)
    if rater is None:
        raise ApplicationError(_("No employee of this agency has this NIP."))
    assignment = services.rater_add(
        subject=subject, rater=rater, relation=payload.relation, actor=request.user
    )
    return Status(201, assignment)


@router.delete(
    "/multirater/raters/{uuid}",
    response={204: None},
    summary="Withdraw a request for feedback not answered yet",
)
def rater_remove(request: HttpRequest, uuid: UUID):
    assignment = get_object_or_404(selectors.rater_assignments_visible_to(request.user), uuid=uuid)
    if not may(request.user, "multirater.manage_round", assignment.subject.round):
        raise PermissionDenied
    services.rater_remove(assignment=assignment, actor=request.user)
    return Status(204, None)


@router.get("/multirater/tasks", response=list[TaskOut], summary="The 360° forms asked of you")
@paginate(Pagination)
def task_list(request: HttpRequest):
    return selectors.tasks_of(actor_for(request.user).employee)


@router.post(
    "/multirater/tasks/{uuid}/answer",
    response={204: None},
    summary="Answer one of your 360° forms (once; all seven values scored 1–5)",
)
def task_answer(request: HttpRequest, uuid: UUID, payload: AnswerIn):
    assignment = get_object_or_404(selectors.tasks_of(actor_for(request.user).employee), uuid=uuid)
    if not may(request.user, "multirater.answer", assignment):
        raise PermissionDenied
    services.answer_submit(
        assignment=assignment,
        scores=payload.scores,
        comments=payload.comments,
        actor=request.user,
    )
    return Status(204, None)


@router.get(
    "/multirater/subjects/{uuid}/summary",
    response=SummaryOut,
    summary="A person's anonymous 360° figures per rater group",
    description=(
        "Peer and subordinate figures and comments only when the group reached the "
        "round's threshold, and only after the round is closed. Input for the behaviour "
        "rating, never a score."
    ),
)
def subject_summary(request: HttpRequest, uuid: UUID):
    subject = get_object_or_404(
        Subject.objects.select_related("employee", "round__root_unit", "round__period"),
        uuid=uuid,
    )
    if not may(request.user, "multirater.view_summary", subject):
        raise Http404
    summary = selectors.summary_of(subject)
    groups = []
    for index, group in enumerate(summary.groups):
        values = []
        for row in summary.rows:
            cell = row.cells[index]
            if cell is not None:
                values.append(
                    {
                        "code": cell.code,
                        "name": core_value(cell.code).name,
                        "count": cell.count,
                        "mean": round(float(cell.mean), 2),
                        "distribution": cell.distribution,
                    }
                )
        groups.append(
            {
                "relation": group.relation,
                "anonymous": group.anonymous,
                "shown": group.shown,
                "count": group.count,
                "explanation": group.explanation,
                "values": values,
                "comments": group.comments,
            }
        )
    return {
        "subject": subject.uuid,
        "employee": subject.employee.uuid,
        "round": subject.round.uuid,
        "closed": summary.closed,
        "min_group": summary.min_group,
        "scale_explanation": summary.scale_explanation,
        "groups": groups,
    }
