"""Role home pages, the in-app guide and the health check."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kinerja.access.permissions import actor_for
from kinerja.core.clock import today
from kinerja.org.selectors import superiors_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What this user can do, by role: employee, assessor, HR admin, leader, superadmin."""
    actor = actor_for(request.user)
    on = today()
    superiors = superiors_of(actor.employee, on) if actor.employee else None
    return render(
        request,
        "web/home.html",
        {
            "actor": actor,
            "superiors": superiors,
            "assessee_count": len(actor.assessees(on)),
            "on": on,
        },
    )


def guide(request: HttpRequest) -> HttpResponse:
    """Panduan: the performance cycle in plain words. Public, so it can be linked to."""
    template = "web/guide.html"
    return render(
        request,
        template,
        {"base": "base.html" if request.user.is_authenticated else "base_plain.html"},
    )


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers: for load balancers, uptime monitors and IT staff. Touches
    neither the database nor the session, so it stays cheap and says nothing about them;
    the load benchmark also uses it as the server's ceiling."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
