"""Setting up a period: the period and its reporting windows, organisation goals
with their key indicators (IKU), and the indicator library."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, Q
from django.utils.translation import gettext as _

from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.models import Agency
from kinerja.planning.enums import (
    Approach,
    Rhythm,
)
from kinerja.planning.models import (
    AssessmentPeriod,
    CascadeLink,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
    ReportingWindow,
)
from kinerja.planning.windows import window_spans
from kinerja.regulation import deadlines

# --- periods and goals -----------------------------------------------------------------


@transaction.atomic
def period_create(
    *,
    agency: Agency,
    year: int,
    approach: str = Approach.QUANTITATIVE,
    rhythm: str = Rhythm.QUARTERLY,
    planning_deadline: datetime.date | None = None,
    assessment_deadline: datetime.date | None = None,
    actor=None,
) -> AssessmentPeriod:
    """A calendar-year period with its reporting windows (quarters or months).

    Default deadlines come from ``regulation.deadlines``; all dates can be edited
    afterwards.
    """
    period = AssessmentPeriod(
        agency=agency,
        year=year,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
        approach=approach,
        rhythm=rhythm,
        planning_deadline=planning_deadline or deadlines.planning_deadline(year),
        assessment_deadline=assessment_deadline or deadlines.assessment_deadline(year),
    )
    period.full_clean()
    period.save()
    _windows_replace(period)
    log_action(actor=actor, action="planning.period_create", obj=period, after={"year": year})
    return period


@transaction.atomic
def goal_create(
    *, period: AssessmentPeriod, unit, code: str, title: str, source: str = "", actor=None
) -> OrganisationGoal:
    if unit.agency_id != period.agency_id:
        raise ApplicationError(_("The unit belongs to another agency."))
    goal = OrganisationGoal(period=period, unit=unit, code=code, title=title, source=source)
    goal.full_clean()
    goal.save()
    log_action(actor=actor, action="planning.goal_create", obj=goal, after={"code": code})
    return goal


@transaction.atomic
def goal_indicator_add(
    *,
    goal: OrganisationGoal,
    text: str,
    target_value: Decimal | None = None,
    target_unit: str = "",
    actor=None,
) -> OrganisationIndicator:
    order = (goal.indicators.aggregate(m=Max("order"))["m"] or 0) + 1
    indicator = OrganisationIndicator(
        goal=goal, text=text, target_value=target_value, target_unit=target_unit, order=order
    )
    indicator.full_clean()
    indicator.save()
    log_action(actor=actor, action="planning.goal_indicator_add", obj=indicator)
    return indicator


# --- setting up a period: dates, goals, the indicator library ---------------------------


@transaction.atomic
def period_update(
    *,
    period: AssessmentPeriod,
    approach: str,
    rhythm: str,
    planning_deadline: datetime.date,
    assessment_deadline: datetime.date,
    window_deadlines: dict[int, datetime.date] | None = None,
    actor=None,
) -> AssessmentPeriod:
    """Change a period's approach, rhythm and deadlines, and its windows' reporting
    deadlines (keyed by window number).

    The approach applies to SKPs started afterwards: each SKP keeps the approach it was
    made with. A new rhythm replaces the windows, with default deadlines.
    """
    errors = {}
    if not period.start_date <= planning_deadline <= period.end_date:
        errors["planning_deadline"] = _("The planning deadline must fall within the period.")
    if assessment_deadline < period.end_date:
        errors["assessment_deadline"] = _(
            "The assessment deadline cannot be before the period ends."
        )
    if errors:
        raise ValidationError(errors)
    fields = ["approach", "rhythm", "planning_deadline", "assessment_deadline"]
    before = {name: str(getattr(period, name)) for name in fields}
    old_rhythm = period.rhythm
    period.approach = approach
    period.rhythm = rhythm
    period.planning_deadline = planning_deadline
    period.assessment_deadline = assessment_deadline
    period.full_clean()
    period.save(update_fields=[*fields, "updated_at"])
    if rhythm != old_rhythm:
        _windows_replace(period)
    elif window_deadlines:
        _windows_set_deadlines(period, window_deadlines)
    log_action(
        actor=actor,
        action="planning.period_update",
        obj=period,
        before=before,
        after={name: str(getattr(period, name)) for name in fields},
    )
    return period


def _windows_replace(period: AssessmentPeriod) -> None:
    try:
        period.windows.all().delete()
    except ProtectedError as error:
        raise ApplicationError(
            _("Reports already refer to this period's windows, so its rhythm cannot change.")
        ) from error
    ReportingWindow.objects.bulk_create(
        ReportingWindow(
            period=period,
            number=span.number,
            label=span.label,
            start_date=span.start,
            end_date=span.end,
            report_deadline=deadlines.report_deadline(span.end),
        )
        for span in window_spans(period.year, period.rhythm)
    )


def _windows_set_deadlines(period: AssessmentPeriod, deadlines: dict[int, datetime.date]) -> None:
    changed = []
    for window in period.windows.all():
        deadline = deadlines.get(window.number)
        if deadline is None or deadline == window.report_deadline:
            continue
        if deadline < window.end_date:
            raise ValidationError(
                {
                    f"window_{window.number}": _(
                        "Reports of %(window)s cannot be due before it ends (%(date)s)."
                    )
                    % {"window": window.label, "date": window.end_date.strftime("%d-%m-%Y")}
                }
            )
        window.report_deadline = deadline
        changed.append(window)
    ReportingWindow.objects.bulk_update(changed, ["report_deadline", "updated_at"])


def _goal_supported(goal: OrganisationGoal) -> bool:
    return CascadeLink.objects.filter(
        Q(supports_goal=goal) | Q(supports_indicator__goal=goal)
    ).exists()


@transaction.atomic
def goal_update(
    *, goal: OrganisationGoal, unit, code: str, title: str, source: str = "", actor=None
) -> OrganisationGoal:
    if unit.agency_id != goal.period.agency_id:
        raise ApplicationError(_("The unit belongs to another agency."))
    fields = ["unit", "code", "title", "source"]
    before = {name: str(getattr(goal, name)) for name in fields}
    goal.unit = unit
    goal.code = code
    goal.title = title
    goal.source = source
    goal.full_clean()
    goal.save(update_fields=[*fields, "updated_at"])
    log_action(
        actor=actor,
        action="planning.goal_update",
        obj=goal,
        before=before,
        after={name: str(getattr(goal, name)) for name in fields},
    )
    return goal


@transaction.atomic
def goal_indicators_set(*, goal: OrganisationGoal, rows: list[dict], actor=None) -> None:
    """Write a goal's key indicators (IKU) as edited on its form. Each row holds
    ``indicator`` (None for a new one), ``text``, ``target_value``, ``target_unit`` and
    ``delete``; an IKU that results already support cannot be deleted."""
    for row in rows:
        indicator = row.get("indicator")
        if indicator is not None and indicator.goal_id != goal.pk:
            raise ApplicationError(_("The key indicator belongs to another goal."))
        if indicator is None:
            if not row.get("delete") and row.get("text"):
                goal_indicator_add(
                    goal=goal,
                    text=row["text"],
                    target_value=row.get("target_value"),
                    target_unit=row.get("target_unit", ""),
                    actor=actor,
                )
            continue
        if row.get("delete"):
            if indicator.supported_by.exists():
                raise ApplicationError(
                    _("Results support the key indicator “%(text)s”, so it cannot be deleted.")
                    % {"text": indicator.text[:60]}
                )
            log_action(
                actor=actor,
                action="planning.goal_indicator_delete",
                obj=indicator,
                before={"text": indicator.text},
            )
            indicator.delete()
            continue
        values = {
            "text": row["text"],
            "target_value": row.get("target_value"),
            "target_unit": row.get("target_unit", ""),
        }
        before = {
            k: str(getattr(indicator, k)) for k, v in values.items() if getattr(indicator, k) != v
        }
        if not before:
            continue
        for key, value in values.items():
            setattr(indicator, key, value)
        indicator.full_clean()
        indicator.save(update_fields=[*values, "updated_at"])
        log_action(
            actor=actor,
            action="planning.goal_indicator_update",
            obj=indicator,
            before=before,
            after={k: str(getattr(indicator, k)) for k in before},
        )


@transaction.atomic
def goal_delete(*, goal: OrganisationGoal, actor=None) -> None:
    """Delete a goal with its key indicators, unless results already support it."""
    if _goal_supported(goal):
        raise ApplicationError(_("Results support this goal; unlink them before deleting it."))
    log_action(
        actor=actor,
        action="planning.goal_delete",
        obj=goal,
        before={"code": goal.code, "title": goal.title},
    )
    goal.delete()


TEMPLATE_FIELDS = (
    "field",
    "position_kind",
    "result_text",
    "indicator_text",
    "aspect",
    "target_unit",
    "suggested_target",
)


@transaction.atomic
def template_create(*, agency: Agency | None, actor=None, **values) -> IndicatorTemplate:
    """Add a suggestion to the indicator library; ``agency`` None makes it national."""
    template = IndicatorTemplate(
        agency=agency, **{k: v for k, v in values.items() if k in TEMPLATE_FIELDS}
    )
    template.full_clean()
    template.save()
    log_action(
        actor=actor,
        action="planning.template_create",
        obj=template,
        after={"field": template.field, "indicator": template.indicator_text},
    )
    return template


@transaction.atomic
def template_update(*, template: IndicatorTemplate, actor=None, **values) -> IndicatorTemplate:
    before = {
        k: str(getattr(template, k))
        for k, v in values.items()
        if k in TEMPLATE_FIELDS and getattr(template, k) != v
    }
    for key in before:
        setattr(template, key, values[key])
    template.full_clean()
    template.save(update_fields=[*before, "updated_at"])
    log_action(
        actor=actor,
        action="planning.template_update",
        obj=template,
        before=before,
        after={k: str(getattr(template, k)) for k in before},
    )
    return template


@transaction.atomic
def template_set_active(
    *, template: IndicatorTemplate, active: bool, actor=None
) -> IndicatorTemplate:
    """Withdraw a suggestion from the library (or bring it back). Results already made
    from it are copies and stay as they are."""
    if template.is_active != active:
        template.is_active = active
        template.save(update_fields=["is_active", "updated_at"])
        log_action(
            actor=actor,
            action="planning.template_activate" if active else "planning.template_deactivate",
            obj=template,
        )
    return template
