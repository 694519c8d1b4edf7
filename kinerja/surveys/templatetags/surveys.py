"""``{% officer_survey_summary employee %}``: the aggregated public-survey answers that
name an officer, for the pages where their assessor (or HR) sees them. Renders nothing
for anyone else, and only counts below the anonymity threshold.

``{{ element|in_language:LANGUAGE_CODE }}``: an IKM element's name or a grade's label in
the page's language (the regulation keeps the Indonesian and English wording)."""

from django import template

from kinerja.access.permissions import may
from kinerja.regulation.ikm import Band, Element
from kinerja.surveys.selectors import officer_summaries

register = template.Library()


@register.inclusion_tag("surveys/officer_summary.html", takes_context=True)
def officer_survey_summary(context, employee):
    request = context.get("request")
    user = getattr(request, "user", None)
    allowed = user is not None and may(user, "surveys.view_officer_summary", employee)
    return {
        "allowed": allowed,
        "employee": employee,
        "summaries": officer_summaries(employee) if allowed else [],
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "id"),
    }


@register.filter
def in_language(item: Element | Band, language: str | None) -> str:
    if isinstance(item, Band):
        return item.label(language or "id")
    return item.name(language or "id")
