"""Continuous feedback screens: the threads of one SKP in one reporting window, with an
inline (htmx) form per thread.

Include contract for other pages (the evaluation page, the realisation page)::

    {% for thread in feedback_threads %}
      {% include "execution/feedback_thread.html" %}
    {% endfor %}

with the context from ``feedback_context(request, skp, window)``: ``feedback_threads``
(every result, then the seven BerAKHLAK values; each ``Thread`` carries ``can_write``
and ``post_url``), ``feedback_by_result`` ({PlannedResult.pk: Thread}),
``feedback_by_value`` ({core value code: Thread}), ``feedback_skp``,
``feedback_window``, ``feedback_can_give``, ``feedback_can_reply``. The partial
posts with htmx to ``execution:feedback_post`` (``/pelaksanaan/umpan-balik/<skp
uuid>/<window number>/kirim/``, fields ``thread`` and ``text``) and is replaced by the
answer (``#thread-<key>``, outerHTML). Two queries for the threads, plus the
permission checks.
"""

import uuid as uuid_lib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import may
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.selectors_feedback import feedback_threads
from kinerja.execution.services.feedback import (
    feedback_post,
    feedback_rights,
    feedback_write_action,
)
from kinerja.planning.enums import CoreValue
from kinerja.planning.models import PlannedResult, ReportingWindow, Skp
from kinerja.planning.selectors import skp_visible_to


def feedback_skp_window(request: HttpRequest, uuid, number: int) -> tuple[Skp, ReportingWindow]:
    """The SKP (404 when the user may not read its feedback) and its window ``number``."""
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period", "position"), uuid=uuid
    )
    if not may(request.user, "execution.view_feedback", skp):
        raise Http404
    window = get_object_or_404(ReportingWindow, period_id=skp.period_id, number=number)
    return skp, window


def feedback_context(request: HttpRequest, skp: Skp, window: ReportingWindow) -> dict:
    """What ``execution/feedback_thread.html`` needs (see the module docstring)."""
    threads = feedback_threads(skp, window)
    rights = feedback_rights(request.user, skp, window)
    post_url = reverse("execution:feedback_post", args=[skp.uuid, window.number])
    for thread in threads:
        thread.can_write = rights.can_write(bool(thread.messages))
        thread.post_url = post_url
    return {
        "feedback_threads": threads,
        "feedback_by_result": {t.result.pk: t for t in threads if t.result is not None},
        "feedback_by_value": {t.core_value: t for t in threads if t.core_value},
        "feedback_skp": skp,
        "feedback_window": window,
        "feedback_can_give": rights.give,
        "feedback_can_reply": rights.reply,
        "feedback_locked": rights.locked,
    }


@login_required
def feedback_page(request: HttpRequest, uuid, number: int) -> HttpResponse:
    """Umpan balik berkelanjutan: every result and every core value of one SKP in one
    reporting window, each with its thread."""
    skp, window = feedback_skp_window(request, uuid, number)
    context = feedback_context(request, skp, window)
    threads = context["feedback_threads"]
    context.update(
        skp=skp,
        window=window,
        windows=list(skp.period.windows.order_by("number")),
        result_threads=[t for t in threads if t.result is not None],
        value_threads=[t for t in threads if t.core_value],
        message_count=sum(len(t.messages) for t in threads),
    )
    return render(request, "execution/feedback_page.html", context)


def _thread_target(skp: Skp, key: str) -> dict:
    """The service arguments of a thread key: a result of this SKP or a core value."""
    if key.startswith("r-"):
        try:
            result_uuid = uuid_lib.UUID(key[2:])
        except ValueError:
            raise Http404 from None
        result = PlannedResult.objects.filter(skp=skp, uuid=result_uuid).first()
        if result is not None:
            return {"result": result}
    elif key.startswith("v-") and key[2:] in CoreValue.values:
        return {"core_value": key[2:]}
    raise Http404


@login_required
@require_POST
def feedback_post_view(request: HttpRequest, uuid, number: int) -> HttpResponse:
    skp, window = feedback_skp_window(request, uuid, number)
    if not may(request.user, feedback_write_action(request.user, skp), skp):
        raise PermissionDenied
    key = request.POST.get("thread", "")
    target = _thread_target(skp, key)
    text = request.POST.get("text", "")
    error = ""
    try:
        feedback_post(skp=skp, window=window, text=text, actor=request.user, **target)
    except ApplicationError as problem:
        error = problem.message
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Feedback sent."))
        url = reverse("execution:feedback_page", args=[skp.uuid, window.number])
        return redirect(f"{url}#thread-{key}")
    context = feedback_context(request, skp, window)
    thread = next(t for t in context["feedback_threads"] if t.key == key)
    context.update(thread=thread, feedback_error=error, feedback_text=text if error else "")
    return render(request, "execution/feedback_thread.html", context)
