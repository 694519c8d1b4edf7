"""``{% multirater_summary_for employee period as summary %}``: the anonymous 360°
summary of an employee for a period, or ``None`` when there is none or the user may not
read it (``multirater.view_summary``). For pages of other apps (the evaluation page)
that include ``multirater/summary.html`` without a view change."""

from django import template

from kinerja.access.permissions import may
from kinerja.multirater.selectors import subject_for, summary_of

register = template.Library()


@register.simple_tag(takes_context=True)
def multirater_summary_for(context, employee, period):
    request = context.get("request")
    if request is None or employee is None or period is None:
        return None
    # The permission is asked before the answers are read and aggregated.
    subject = subject_for(employee, period)
    if subject is None or not may(request.user, "multirater.view_summary", subject):
        return None
    return summary_of(subject)
