"""Continuous feedback (umpan balik berkelanjutan, domain.md §1.6): short threads per
result (RHK) or per BerAKHLAK value of an SKP, in one reporting window.

``access`` decides who may write (``execution.give_feedback`` for the assessor and the
assessor's superior, ``execution.reply_feedback`` for the SKP's owner); here only
whether now: the SKP is in force, the window is the period's and not yet finally
evaluated, the employee replies only in a thread that exists.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from kinerja.access.permissions import actor_for, may
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.execution.models import FeedbackMessage
from kinerja.execution.services.finality import is_locked, require_not_final
from kinerja.notifications.services import notify
from kinerja.org.models import Employee
from kinerja.planning.enums import CoreValue, SkpStatus
from kinerja.planning.models import PlannedResult, ReportingWindow, Skp

MAX_LENGTH = 2000
FEEDBACK_STATUSES = {SkpStatus.APPROVED, SkpStatus.SUPERSEDED}


def thread_key(*, result: PlannedResult | None = None, core_value: str = "") -> str:
    """The anchor of a thread on the feedback page: ``r-<uuid>`` or ``v-<code>``."""
    return f"r-{result.uuid}" if result is not None else f"v-{core_value}"


def thread_url(skp: Skp, window: ReportingWindow, key: str = "") -> str:
    url = reverse("execution:feedback_page", args=[skp.uuid, window.number])
    return f"{url}#thread-{key}" if key else url


@dataclass(frozen=True)
class FeedbackRights:
    """What one user may write in the feedback of one SKP in one window now: ``give``
    and ``reply`` as ``access`` allows them, closed when the window's evaluation is final
    (``locked``; a final result changes only through an objection)."""

    give: bool
    reply: bool
    locked: bool

    def can_write(self, thread_has_messages: bool) -> bool:
        """The assessor's side opens and continues any thread; the SKP's owner replies
        in a thread that exists (the rule ``feedback_post`` enforces)."""
        return not self.locked and (self.give or (self.reply and thread_has_messages))


def feedback_rights(user, skp: Skp, window: ReportingWindow) -> FeedbackRights:
    """For the pages and the API: whether ``user`` may write, thread by thread. Asks
    whether the window is final only when the user may write at all."""
    give = may(user, "execution.give_feedback", skp)
    reply = may(user, "execution.reply_feedback", skp)
    locked = (give or reply) and is_locked(skp=skp, window=window)
    return FeedbackRights(give=give, reply=reply, locked=locked)


def feedback_write_action(user, skp: Skp) -> str:
    """The ``access`` action a post by ``user`` falls under: the SKP's owner replies,
    anyone else gives feedback."""
    employee = actor_for(user).employee
    owner = employee is not None and employee.pk == skp.employee_id
    return "execution.reply_feedback" if owner else "execution.give_feedback"


def _author_of(actor) -> Employee:
    # The actor's employee as ``access`` found it (cached on the user for the request).
    employee = actor_for(actor).employee
    if employee is None:
        raise ApplicationError(_("Only an employee can write feedback."))
    return employee


def _check(skp: Skp, window: ReportingWindow, result, core_value: str, text: str) -> str:
    if skp.status not in FEEDBACK_STATUSES:
        raise ApplicationError(_("Feedback is given on an approved SKP."))
    if window.period_id != skp.period_id:
        raise ApplicationError(_("This reporting window is not in the SKP's period."))
    if window.start_date > today():
        raise ApplicationError(_("This reporting window has not started yet."))
    if (result is None) == (not core_value):
        raise ApplicationError(_("Feedback is about one result or one core value."))
    if result is not None and result.skp_id != skp.pk:
        raise ApplicationError(_("This result is not in this SKP."))
    if core_value and core_value not in CoreValue.values:
        raise ApplicationError(_("Unknown core value."))
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Write the feedback first."))
    if len(text) > MAX_LENGTH:
        raise ApplicationError(
            _("Feedback is at most %(count)s characters long.") % {"count": MAX_LENGTH}
        )
    return text


@transaction.atomic
def feedback_post(
    *,
    skp: Skp,
    window: ReportingWindow,
    result: PlannedResult | None = None,
    core_value: str = "",
    text: str,
    actor,
) -> FeedbackMessage:
    """Add a message to the thread about ``result`` or ``core_value``; the other party is
    told in the app at once and by email when they have an address."""
    author = _author_of(actor)
    text = _check(skp, window, result, core_value, text)
    require_not_final(
        skp=skp,
        window=window,
        message=_(
            "The evaluation of this window is final: its feedback is closed. A final "
            "result changes only through an objection."
        ),
    )
    thread = FeedbackMessage.objects.filter(
        skp=skp, window=window, result=result, core_value=core_value
    )
    # Who has written in the thread so far: (employee, login) pairs, one query.
    writers = set(thread.values_list("author_id", "author__user"))
    is_owner = author.pk == skp.employee_id
    if is_owner and not writers:
        raise ApplicationError(_("You can reply once your assessor has written in this thread."))
    others = {user_id for author_id, user_id in writers if author_id != author.pk}
    message = FeedbackMessage(
        skp=skp, window=window, result=result, core_value=core_value, author=author, text=text
    )
    try:
        message.full_clean()
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from None
    message.save()
    log_action(
        actor=actor,
        action="execution.feedback_post",
        obj=message,
        subject_employee_id=skp.employee_id,
        after={
            "skp": str(skp.uuid),
            "window": window.number,
            "result": str(result.uuid) if result is not None else None,
            "core_value": core_value,
            "text": text,
        },
    )
    if is_owner:
        recipients = [pk for pk in others if pk is not None]
    else:
        owner_user = skp.employee.user_id
        recipients = [owner_user] if owner_user is not None else []
    key = thread_key(result=result, core_value=core_value)
    _notify(recipients, author, skp, window, key=key, text=text)
    return message


def _notify(user_ids, author: Employee, skp: Skp, window: ReportingWindow, *, key: str, text: str):
    if not user_ids:
        return
    link = thread_url(skp, window, key)
    # Notifications are stored in the users' language: Indonesian, the site's default.
    with override("id"):
        title = _("%(name)s wrote feedback on your performance (%(window)s)") % {
            "name": author.full_name,
            "window": window.label,
        }
        reply_title = _("%(name)s replied to your feedback (%(window)s)") % {
            "name": author.full_name,
            "window": window.label,
        }
    for user in get_user_model().objects.filter(pk__in=user_ids):
        notify(
            recipient=user,
            title=reply_title if author.pk == skp.employee_id else title,
            body=text[:500],
            link=link,
            email=True,
        )
