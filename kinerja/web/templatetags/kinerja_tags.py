"""Template helpers shared by every page."""

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def bootstrap_widget(field: BoundField):
    """Render a form field's widget with Bootstrap's class and error state."""
    widget_type = field.widget_type
    css = "form-select" if widget_type in {"select", "selectmultiple"} else "form-control"
    if widget_type == "file":
        css = "form-control"
    attrs = {"class": css + (" is-invalid" if field.errors else "")}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.auto_id}_error"
    elif field.help_text:
        attrs["aria-describedby"] = f"{field.auto_id}_help"
    return field.as_widget(attrs=attrs)
