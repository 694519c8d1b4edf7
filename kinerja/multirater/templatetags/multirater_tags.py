"""``{% multirater_summary_for employee period as summary %}``: the anonymous 360°
summary of an employee for a period, or ``None`` when there is none or the user may not
read it (``multirater.view_summary``). For pages of other apps (the evaluation page)
that include ``multirater/summary.html`` without a view change."""

from django import template

from kinerja.access.permissions import may
from kinerja.multirater.selectors import subject_summary

register = template.Library()


@register.simple_tag(takes_context=True)
def multirater_summary_for(context, employee, period):
    request = context.get("request")
    if request is None or employee is None or period is None:
        return None
    summary = subject_summary(employee, period)
    if summary is None or not may(request.user, "multirater.view_summary", summary.subject):
        return None
    return summary
