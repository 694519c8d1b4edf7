"""Document downloads: the SKP form as PDF, a unit's SKPs as XLSX. Read-only."""

import re
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from kinerja.access.permissions import may, units_visible_to
from kinerja.planning.models import AssessmentPeriod, Skp
from kinerja.planning.selectors import current_period, skp_detail, skp_visible_to
from kinerja.reporting.stored_documents import skp_document_pdf
from kinerja.reporting.unit_export import unit_skp_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_filename(*parts: object) -> str:
    """Parts joined by underscores, each reduced to letters, digits, dots and hyphens, so
    the name is valid in a header and on every file system."""
    return "_".join(re.sub(r"[^A-Za-z0-9.-]+", "-", str(part)).strip("-") for part in parts)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A plan is personal data: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def skp_pdf_download(request: HttpRequest, uuid) -> HttpResponse:
    """The SKP in the official layout. 404 for an SKP the user may not read."""
    try:
        skp = skp_detail(skp_visible_to(request.user), uuid)
    except Skp.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    filename = safe_filename("SKP", skp.employee.nip, skp.period.year, f"v{skp.version}") + ".pdf"
    return _attachment(skp_document_pdf(skp), "application/pdf", filename)


@require_safe
@login_required
def unit_skp_xlsx_download(request: HttpRequest, uuid) -> HttpResponse:
    """The SKPs of a unit and the units below it, for a period (``?period=<uuid>``,
    default the agency's current one). 404 unless the user may see the unit's plans."""
    unit = get_object_or_404(units_visible_to(request.user).select_related("agency"), uuid=uuid)
    if not may(request.user, "planning.view_unit_plans", unit):
        raise Http404
    if "period" in request.GET:
        try:
            period_uuid = UUID(request.GET["period"])
        except ValueError:
            raise Http404 from None
        period = AssessmentPeriod.objects.filter(agency=unit.agency, uuid=period_uuid).first()
    else:
        period = current_period(unit.agency)
    if period is None:
        raise Http404
    content = unit_skp_xlsx(unit, period, skp_visible_to(request.user))
    filename = safe_filename("SKP", unit.code, period.year) + ".xlsx"
    return _attachment(content, XLSX, filename)
