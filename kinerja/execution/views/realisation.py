"""Reporting realisations (realisasi) with evidence: "My reports", one SKP's windows, and
one screen per window listing every indicator with inline saves (htmx).

Every view: find the report through ``report_visible_to`` (404 when invisible), ask
``access.permissions.may`` (404 for reading, 403 for a visible report the user may not
change), call one service, answer with the re-rendered row for htmx or redirect to the
report page. Evidence files are streamed only by ``evidence_download``, after the same
check as the SKP; a guessed address of someone else's file answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.downloads import evidence_file_response
from kinerja.execution.enums import ReportStatus
from kinerja.execution.filetypes import ACCEPTED_EXTENSIONS
from kinerja.execution.forms.realisation import (
    EvidenceFileForm,
    EvidenceLinkForm,
    RealisationForm,
    ReopenForm,
    SubmitForm,
)
from kinerja.execution.models import Evidence, PeriodReport
from kinerja.execution.selectors import (
    evidence_visible_to,
    report_get,
    report_rows,
    report_visible_to,
    report_windows,
    skp_windows,
)
from kinerja.execution.services import evidence as evidence_services
from kinerja.execution.services import realisation as services
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Indicator, ReportingWindow
from kinerja.planning.selectors import current_period, skp_visible_to

ROW_TEMPLATE = "execution/realisation_row.html"


# --- finding what is read or changed ---------------------------------------------------


def visible_report(request: HttpRequest, uuid) -> PeriodReport:
    """The report if the user may read it, else 404 (its existence is not revealed)."""
    try:
        report = report_get(report_visible_to(request.user), uuid)
    except PeriodReport.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "execution.view_report", report):
        raise Http404
    return report


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _changeable(request: HttpRequest, uuid) -> PeriodReport:
    report = visible_report(request, uuid)
    _require(request, "execution.change_report", report)
    return report


def _indicator(report: PeriodReport, indicator_uuid) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("result"), uuid=indicator_uuid, result__skp=report.skp
    )


def _report_page(report: PeriodReport) -> str:
    return reverse("execution:report_detail", kwargs={"uuid": report.uuid})


# --- My reports and one SKP's windows --------------------------------------------------


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """Laporan saya: every window of this period for the user's approved SKPs."""
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    period = current_period(employee.agency, today())
    entries = report_windows(employee, period) if period else []
    has_plan = bool(entries) or (
        period is not None
        and employee.skps.filter(period=period, status=SkpStatus.APPROVED).exists()
    )
    return render(
        request,
        "execution/realisation_mine.html",
        {"period": period, "entries": entries, "has_plan": has_plan, "own": True},
    )


@login_required
def skp_reports(request: HttpRequest, uuid) -> HttpResponse:
    """The windows of one SKP with their reports: for the employee, their assessor, the
    assessor's superior and HR."""
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period", "position"), uuid=uuid
    )
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    entries = skp_windows(skp) if skp.status in {SkpStatus.APPROVED, SkpStatus.SUPERSEDED} else []
    return render(
        request,
        "execution/realisation_skp.html",
        {
            "skp": skp,
            "entries": entries,
            "period": skp.period,
            "own": actor_for(request.user).employee == skp.employee,
        },
    )


@login_required
@require_POST
def report_start(request: HttpRequest, uuid, window_uuid) -> HttpResponse:
    """Open (or start) the report of one SKP for one window."""
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period"), uuid=uuid
    )
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    window = get_object_or_404(ReportingWindow, uuid=window_uuid, period_id=skp.period_id)
    existing = PeriodReport.objects.filter(skp=skp, window=window).first()
    if existing is not None:
        return redirect(_report_page(existing))
    _require(request, "execution.change_report", PeriodReport(skp=skp, window=window))
    try:
        report = services.report_for(skp=skp, window=window, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("execution:skp_reports", uuid=skp.uuid)
    return redirect(_report_page(report))


# --- the report screen -----------------------------------------------------------------


def _flags(request: HttpRequest, report: PeriodReport, *, final: bool | None = None) -> dict:
    """What the user may do with the report. ``final`` is whether its evaluation is final
    when the caller knows (a write that just succeeded checked it), else it is asked."""
    open_ = services.report_accepts_changes(report)
    flags = {
        "can_edit": open_ and may(request.user, "execution.change_report", report),
        "can_submit": open_ and may(request.user, "execution.submit_report", report),
        "can_reopen": report.status == ReportStatus.SUBMITTED
        and may(request.user, "execution.reopen_report", report),
    }
    # A final evaluation of the window (or the year) locks the report; asked only when
    # it would take something away.
    locked = any(flags.values()) and (services.report_is_final(report) if final is None else final)
    if locked:
        flags = dict.fromkeys(flags, False)
    return {**flags, "locked": locked, "locked_message": services.locked_message()}


def _progress(rows) -> dict:
    return {"filled": sum(1 for r in rows if r.is_filled), "total": len(rows)}


@login_required
def report_page(request: HttpRequest, uuid) -> HttpResponse:
    """One window of one SKP: every indicator with its realisation and evidence."""
    report = visible_report(request, uuid)
    rows = report_rows(report)
    flags = _flags(request, report)
    # Through the actor: the permission checks above cached the same answer.
    actor = actor_for(request.user)
    superiors = actor.superiors(report.skp.employee, services.report_date(report))
    return render(
        request,
        "execution/realisation_report.html",
        {
            "report": report,
            "skp": report.skp,
            "window": report.window,
            "rows": rows,
            "progress": _progress(rows),
            "assessor": superiors.assessor.employee if superiors.assessor else None,
            "external_assessor": superiors.external_assessor,
            "is_own": actor.employee == report.skp.employee,
            "accept": ",".join(ACCEPTED_EXTENSIONS),
            "max_upload_mb": evidence_services.max_upload_mb(),
            **flags,
        },
    )


def _row_response(
    request: HttpRequest,
    report: PeriodReport,
    indicator: Indicator,
    *,
    error: str = "",
    form=None,
    message: str = "",
) -> HttpResponse:
    """The indicator's row re-rendered (htmx), or back to the report page."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif message:
            messages.success(request, message)
        return redirect(_report_page(report) + f"#row-{indicator.uuid}")
    rows = report_rows(report)
    row = next(r for r in rows if r.indicator.pk == indicator.pk)
    context = {
        "report": report,
        "row": row,
        "error": error,
        "saved": message,
        "form": form,
        "progress": _progress(rows),
        "oob": True,
        "accept": ",".join(ACCEPTED_EXTENSIONS),
        "max_upload_mb": evidence_services.max_upload_mb(),
        # Every write refuses a final report, so after one there is no need to ask.
        **_flags(request, report, final=False if message else None),
    }
    return render(request, ROW_TEMPLATE, context)


def _form_error(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@login_required
@require_POST
def realisation_save(request: HttpRequest, uuid, indicator_uuid) -> HttpResponse:
    report = _changeable(request, uuid)
    indicator = _indicator(report, indicator_uuid)
    form = RealisationForm(request.POST)
    if not form.is_valid():
        return _row_response(request, report, indicator, error=_form_error(form), form=form)
    try:
        services.realisation_save(
            report=report,
            indicator=indicator,
            value=form.cleaned_data["value"],
            narrative=form.cleaned_data["narrative"],
            actor=request.user,
        )
    except ApplicationError as error:
        return _row_response(request, report, indicator, error=error.message, form=form)
    return _row_response(request, report, indicator, message=_("Saved."))


@login_required
@require_POST
def evidence_file_add(request: HttpRequest, uuid, indicator_uuid) -> HttpResponse:
    report = _changeable(request, uuid)
    indicator = _indicator(report, indicator_uuid)
    form = EvidenceFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _row_response(request, report, indicator, error=_form_error(form))
    try:
        evidence_services.evidence_add_file(
            report=report,
            indicator=indicator,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            actor=request.user,
        )
    except ApplicationError as error:
        return _row_response(request, report, indicator, error=error.message)
    return _row_response(request, report, indicator, message=_("The file was added."))


@login_required
@require_POST
def evidence_link_add(request: HttpRequest, uuid, indicator_uuid) -> HttpResponse:
    report = _changeable(request, uuid)
    indicator = _indicator(report, indicator_uuid)
    form = EvidenceLinkForm(request.POST)
    if not form.is_valid():
        return _row_response(request, report, indicator, error=_form_error(form))
    try:
        evidence_services.evidence_add_link(
            report=report,
            indicator=indicator,
            url=form.cleaned_data["url"],
            title=form.cleaned_data["title"],
            actor=request.user,
        )
    except ApplicationError as error:
        return _row_response(request, report, indicator, error=error.message)
    return _row_response(request, report, indicator, message=_("The link was added."))


def _visible_evidence(request: HttpRequest, uuid) -> Evidence:
    evidence = get_object_or_404(
        evidence_visible_to(request.user).select_related(
            "realisation__report__skp__employee",
            "realisation__report__window",
            "realisation__indicator__result",
        ),
        uuid=uuid,
    )
    if not may(request.user, "execution.view_evidence", evidence):
        raise Http404
    return evidence


@login_required
@require_POST
def evidence_delete(request: HttpRequest, uuid) -> HttpResponse:
    evidence = _visible_evidence(request, uuid)
    report = evidence.realisation.report
    _require(request, "execution.change_report", report)
    indicator = evidence.realisation.indicator
    try:
        evidence_services.evidence_delete(evidence=evidence, actor=request.user)
    except ApplicationError as error:
        return _row_response(request, report, indicator, error=error.message)
    return _row_response(request, report, indicator, message=_("The evidence was deleted."))


@login_required
def evidence_download(request: HttpRequest, uuid) -> HttpResponse:
    """Stream an evidence file to someone who may read its SKP (inline for pictures)."""
    return evidence_file_response(_visible_evidence(request, uuid))


# --- workflow --------------------------------------------------------------------------


@login_required
@require_POST
def report_submit(request: HttpRequest, uuid) -> HttpResponse:
    report = visible_report(request, uuid)
    _require(request, "execution.submit_report", report)
    form = SubmitForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.report_submit(report=report, note=note, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        for problem in error.extra.get("problems", [])[:10]:
            messages.warning(request, problem)
    else:
        messages.success(request, _("Your report was sent to your assessor."))
    return redirect(_report_page(report))


@login_required
@require_POST
def report_reopen(request: HttpRequest, uuid) -> HttpResponse:
    report = visible_report(request, uuid)
    _require(request, "execution.reopen_report", report)
    form = ReopenForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.report_reopen(report=report, reason=reason, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The report was reopened; the employee was notified."))
    return redirect(_report_page(report))
