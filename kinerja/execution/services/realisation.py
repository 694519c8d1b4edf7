"""Writing realisations (realisasi) and the period report's workflow (domain.md §1.6).

``access`` decides who (``execution.change_report`` and friends); these functions
decide whether now: a report is written only while it is a draft, its SKP is approved
and its window's evaluation is not final, and only for indicators of that SKP. Every
change writes the activity log; notifications go out after the transaction commits.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport, Realisation
from kinerja.execution.selectors import INDICATOR_ORDER, window_of_skp
from kinerja.execution.services.finality import is_locked, require_not_final
from kinerja.notifications.services import notify
from kinerja.org.selectors import superiors_of
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Indicator, ReportingWindow, Skp

MAX_NARRATIVE = 4000


def report_url(report: PeriodReport) -> str:
    return f"/pelaksanaan/laporan/{report.uuid}/"


def report_date(report: PeriodReport) -> datetime.date:
    """The date a report's people are derived on: today, within its SKP's span."""
    skp = report.skp
    return max(skp.start_date, min(today(), skp.end_date))


def _label(report: PeriodReport) -> str:
    return report.window.label


def report_is_final(report: PeriodReport) -> bool:
    """The evaluation of the report's window (or the SKP's year) is final (one query)."""
    return is_locked(skp=report.skp_id, window=report.window_id)


def report_accepts_changes(report: PeriodReport) -> bool:
    """A draft of an approved SKP (finality aside: ``report_is_final`` asks that)."""
    return report.status == ReportStatus.DRAFT and report.skp.status == SkpStatus.APPROVED


def locked_message() -> str:
    return _(
        "The evaluation of this window is final: its report, realisations and evidence "
        "can no longer be changed. A final result changes only through an objection."
    )


def _require_not_final(report: PeriodReport) -> None:
    require_not_final(skp=report.skp_id, window=report.window_id, message=locked_message())


def require_open(report: PeriodReport) -> None:
    """A report is written only while it is a draft of an approved SKP whose evaluation
    for the window (or for the year) is not final. The evidence services ask the same."""
    _require_not_final(report)
    if report_accepts_changes(report):
        return
    if report.skp.status != SkpStatus.APPROVED:
        raise ApplicationError(_("Realisations are recorded only on an approved SKP."))
    raise ApplicationError(
        _(
            "This report has been submitted to the assessor; ask the assessor to "
            "reopen it before changing it."
        )
    )


@transaction.atomic
def report_for(*, skp: Skp, window: ReportingWindow, actor=None) -> PeriodReport:
    """The report of an approved SKP for a reporting window, started if need be.

    The window must belong to the SKP's period, overlap the SKP's span and have begun.
    """
    if skp.status != SkpStatus.APPROVED:
        raise ApplicationError(_("Realisations are recorded only on an approved SKP."))
    if not window_of_skp(skp, window):
        raise ApplicationError(_("This reporting window is not part of the SKP's span."))
    existing = PeriodReport.objects.filter(skp=skp, window=window).first()
    if existing is not None:
        return existing
    if window.start_date > today():
        raise ApplicationError(
            _("%(window)s has not started yet; report it from %(date)s.")
            % {"window": window.label, "date": window.start_date.strftime("%d-%m-%Y")}
        )
    report = PeriodReport(skp=skp, window=window)
    report.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # Started at the same moment in another tab: that report is the one.
        return PeriodReport.objects.get(skp=skp, window=window)
    log_action(
        actor=actor,
        action="execution.report_create",
        obj=report,
        subject_employee_id=skp.employee_id,
        after={"window": window.label, "status": report.status},
    )
    return report


def _clean_value(indicator: Indicator, value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ApplicationError(_("The realisation must be a number.")) from None
    if not number.is_finite():
        raise ApplicationError(_("The realisation must be a number."))
    if number < 0:
        raise ApplicationError(_("A realisation cannot be negative."))
    if indicator.target_value is None:
        raise ApplicationError(
            _("This indicator has a narrative target: describe the realisation in words.")
        )
    return number


def _json(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


@transaction.atomic
def realisation_save(
    *,
    report: PeriodReport,
    indicator: Indicator,
    value=None,
    narrative: str = "",
    actor=None,
) -> Realisation:
    """Record (or correct) what one indicator achieved in the report's window.

    A quantitative indicator (one with a target number) takes a non-negative number and
    may add a narrative; a qualitative one takes a narrative. Saving both empty keeps
    the row (evidence may hang on it) with nothing claimed.
    """
    report = (
        PeriodReport.objects.select_for_update().select_related("skp", "window").get(pk=report.pk)
    )
    require_open(report)
    if indicator.result.skp_id != report.skp_id:
        raise ApplicationError(_("This indicator is not part of the report's SKP."))
    number = _clean_value(indicator, value)
    narrative = (narrative or "").strip()
    if len(narrative) > MAX_NARRATIVE:
        raise ApplicationError(
            _("The narrative is too long (at most %(n)d characters).") % {"n": MAX_NARRATIVE}
        )
    realisation = Realisation.objects.filter(report=report, indicator=indicator).first()
    before = None
    if realisation is None:
        realisation = Realisation(report=report, indicator=indicator)
    else:
        before = {"value": _json(realisation.value), "narrative": realisation.narrative}
    realisation.value = number
    realisation.narrative = narrative
    after = {"value": _json(number), "narrative": narrative}
    if before == after:
        return realisation
    realisation.full_clean(validate_unique=False)
    realisation.save()
    log_action(
        actor=actor,
        action="execution.realisation_save",
        obj=realisation,
        subject_employee_id=report.skp.employee_id,
        before=before,
        after=after,
    )
    return realisation


def realisation_for(*, report: PeriodReport, indicator: Indicator) -> Realisation:
    """The realisation row evidence hangs on, created empty when there is none yet."""
    if indicator.result.skp_id != report.skp_id:
        raise ApplicationError(_("This indicator is not part of the report's SKP."))
    realisation, _created = Realisation.objects.get_or_create(report=report, indicator=indicator)
    return realisation


def report_missing(report: PeriodReport) -> list[str]:
    """Indicators still without a realisation, in plain words (what stops submitting)."""
    indicators = Indicator.objects.filter(result__skp_id=report.skp_id).order_by(*INDICATOR_ORDER)
    filled = {
        r.indicator_id: r
        for r in Realisation.objects.filter(report=report).only(
            "indicator_id", "value", "narrative"
        )
    }
    problems = []
    for indicator in indicators:
        realisation = filled.get(indicator.pk)
        name = {"indicator": indicator.text[:60]}
        if realisation is None:
            problems.append(_("“%(indicator)s” has no realisation yet.") % name)
        elif indicator.target_value is not None and realisation.value is None:
            problems.append(_("“%(indicator)s” needs a number.") % name)
        elif indicator.target_value is None and not realisation.narrative:
            problems.append(_("“%(indicator)s” needs a narrative.") % name)
    if not indicators:
        problems.append(_("The SKP has no indicators to report on."))
    return problems


def _notify(user, *, title: str, body: str = "", link: str = "") -> None:
    if user is not None:
        transaction.on_commit(lambda: notify(recipient=user, title=title, body=body, link=link))


@transaction.atomic
def report_submit(*, report: PeriodReport, note: str = "", actor=None) -> PeriodReport:
    """The employee sends the window's realisations to the assessor, who is notified."""
    report = (
        PeriodReport.objects.select_for_update()
        .select_related("skp__employee", "window")
        .get(pk=report.pk)
    )
    require_open(report)
    problems = report_missing(report)
    if problems:
        raise ApplicationError(
            _("The report cannot be submitted yet."), extra={"problems": problems}
        )
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now()
    report.note = (note or "").strip()[:MAX_NARRATIVE]
    report.save(update_fields=["status", "submitted_at", "note", "updated_at"])
    log_action(
        actor=actor,
        action="execution.report_submitted",
        obj=report,
        subject_employee_id=report.skp.employee_id,
        before={"status": ReportStatus.DRAFT},
        after={"status": ReportStatus.SUBMITTED},
        reason=report.note,
    )
    assessor = superiors_of(report.skp.employee, report_date(report)).assessor
    if assessor is not None:
        _notify(
            assessor.employee.user,
            title=_("%(name)s reported %(window)s")
            % {"name": report.skp.employee.full_name, "window": _label(report)},
            body=report.note,
            link=report_url(report),
        )
    return report


@transaction.atomic
def report_reopen(*, report: PeriodReport, reason: str, actor=None) -> PeriodReport:
    """The assessor sends a submitted report back to the employee to correct it."""
    report = (
        PeriodReport.objects.select_for_update()
        .select_related("skp__employee", "window")
        .get(pk=report.pk)
    )
    if report.status != ReportStatus.SUBMITTED:
        raise ApplicationError(_("Only a submitted report can be reopened."))
    _require_not_final(report)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Say what should change when reopening a report."))
    report.status = ReportStatus.DRAFT
    report.save(update_fields=["status", "updated_at"])
    log_action(
        actor=actor,
        action="execution.report_reopened",
        obj=report,
        subject_employee_id=report.skp.employee_id,
        before={"status": ReportStatus.SUBMITTED},
        after={"status": ReportStatus.DRAFT},
        reason=reason,
    )
    _notify(
        report.skp.employee.user,
        title=_("Your report for %(window)s was reopened") % {"window": _label(report)},
        body=reason,
        link=report_url(report),
    )
    return report
