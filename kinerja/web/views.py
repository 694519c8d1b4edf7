"""Role home pages and the in-app guide."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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
    return render(request, template, {"base": "base.html" if request.user.is_authenticated else "base_plain.html"})
