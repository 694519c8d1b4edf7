"""Field messages of a 422 in the caller's language.

django-ninja validates with pydantic, whose messages are English only ("Field required").
Each error carries a stable ``type`` and its limits in ``ctx``, so the message is
rebuilt here from a translated template; a type without one keeps pydantic's text.
Some texts are also Django's own ("This field is required."): the project catalogue
overrides Django's everywhere, so their Indonesian stays Django's wording.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

VALUE_ERROR_PREFIX = "Value error, "  # pydantic's prefix on a validator's own message

_NUMBER = _("Enter a number.")
_WHOLE_NUMBER = _("Enter a whole number.")
_DATE = _("Enter a date as YYYY-MM-DD.")
_DATETIME = _("Enter a date and time as YYYY-MM-DDTHH:MM.")
_CHOICE = _("Choose one of: %(expected)s.")
_OBJECT = _("Send an object with named fields.")

TEMPLATES = {
    "missing": _("This field is required."),
    "string_type": _("Enter text."),
    "string_too_short": _("Enter at least %(min_length)s characters."),
    "string_too_long": _("Enter at most %(max_length)s characters."),
    "string_pattern_mismatch": _("The text does not have the expected form."),
    "int_type": _WHOLE_NUMBER,
    "int_parsing": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "decimal_max_digits": _("Enter at most %(max_digits)s digits."),
    "decimal_max_places": _("Enter at most %(decimal_places)s decimal places."),
    "decimal_whole_digits": _("Enter at most %(whole_digits)s digits before the decimal point."),
    "finite_number": _("Enter a finite number."),
    "greater_than": _("Enter a value greater than %(gt)s."),
    "greater_than_equal": _("Enter a value of at least %(ge)s."),
    "less_than": _("Enter a value less than %(lt)s."),
    "less_than_equal": _("Enter a value of at most %(le)s."),
    "bool_type": _("Enter true or false."),
    "bool_parsing": _("Enter true or false."),
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_type": _DATETIME,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "uuid_type": _("Enter a valid identifier (UUID)."),
    "uuid_parsing": _("Enter a valid identifier (UUID)."),
    "enum": _CHOICE,
    "literal_error": _CHOICE,
    "list_type": _("Send a list."),
    "too_short": _("Send at least %(min_length)s items."),
    "too_long": _("Send at most %(max_length)s items."),
    "dict_type": _OBJECT,
    "model_type": _OBJECT,
    "model_attributes_type": _OBJECT,
    "json_invalid": _("The body is not valid JSON."),
    "json_type": _("The body is not valid JSON."),
    "extra_forbidden": _("This field is not expected."),
    "url_parsing": _("Enter a valid web address."),
    "url_scheme": _("Enter a web address starting with http:// or https://."),
}


def field_message(error: dict[str, Any]) -> str:
    """The message of one pydantic error in the active language."""
    kind = error.get("type", "")
    if kind == "value_error":
        # A validator of ours raised it with a message already translated.
        return str(error.get("msg", "")).removeprefix(VALUE_ERROR_PREFIX)
    template = TEMPLATES.get(kind)
    if template is None:
        return str(error.get("msg", ""))
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return str(template) % context
    except KeyError:  # a limit the template names is missing from this error
        return str(error.get("msg", ""))
