"""Which agency and period a planning screen shows when the address does not say."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from kinerja.access.permissions import actor_for, agencies_visible_to
from kinerja.org.models import Agency
from kinerja.planning.models import AssessmentPeriod
from kinerja.planning.selectors import current_period


def default_agency(user) -> Agency | None:
    """The user's own agency; for logins without an employee record (HR accounts,
    leaders, superadmins) the first agency one of their roles covers."""
    actor = actor_for(user)
    if actor.employee is not None:
        return actor.employee.agency
    agencies = agencies_visible_to(user)
    if actor.read_scopes:
        agencies = agencies.filter(pk=actor.read_scopes[0].agency_id)
    return agencies.first()


def get_by_uuid(queryset: QuerySet, value):
    """The row with this UUID in ``queryset``, or 404 (also for a malformed UUID)."""
    try:
        return queryset.get(uuid=value)
    except (queryset.model.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def chosen_period(
    request: HttpRequest, periods: QuerySet[AssessmentPeriod]
) -> AssessmentPeriod | None:
    """``?period=<uuid>`` among ``periods``, else the current period of the user's agency."""
    if request.GET.get("period"):
        return get_by_uuid(periods, request.GET["period"])
    agency = default_agency(request.user)
    if agency is None:
        return None
    return current_period(agency)
