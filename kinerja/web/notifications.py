"""The user's in-app notifications (pemberitahuan): the latest ones, newest first, with
"mark as read". Each notification links to what it is about."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kinerja.core.clock import now
from kinerja.notifications.models import Notification
from kinerja.notifications.services import notification_mark_read

SHOWN = 50


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.filter(recipient=request.user).order_by(
        "-created_at", "-id"
    )
    shown = list(notifications[:SHOWN])
    return render(
        request,
        "web/notifications.html",
        {
            "notifications": shown,
            "unread": sum(1 for n in shown if n.read_at is None),
        },
    )


@login_required
@require_POST
def notification_read(request: HttpRequest, uuid) -> HttpResponse:
    """Mark one as read and follow its link (a local path only)."""
    notification = get_object_or_404(Notification, recipient=request.user, uuid=uuid)
    notification_mark_read(recipient=request.user, uuid=uuid)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("web:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=now())
    return redirect("web:notifications")
