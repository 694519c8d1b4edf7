"""Forms of the planning screens. Fields come from the models, so labels, choices and
limits stay the same as the database's; the forms only collect input for a service."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.planning.enums import Approach
from kinerja.planning.models import (
    AnnexItem,
    Indicator,
    OrganisationGoal,
    OrganisationIndicator,
    PlannedResult,
)
from kinerja.regulation.berakhlak import BERAKHLAK_2021


def _model_field(model, name: str, **kwargs) -> forms.Field:
    return model._meta.get_field(name).formfield(**kwargs)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a model's validation errors (raised inside a service) on the form: on the
    field they concern when the form has it, otherwise at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        field = name if name in form.fields and name != NON_FIELD_ERRORS else None
        form.add_error(field, messages)


def _text_area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class IndicatorFieldsMixin:
    """The fields of one indicator (IKI). The quantitative approach asks for a number and
    unit; the qualitative approach for a narrative (domain.md §1.3)."""

    def add_indicator_fields(self, approach: str, *, required: bool, prefix: str = "") -> None:
        fields = self.fields  # type: ignore[attr-defined]
        fields[f"{prefix}aspect"] = _model_field(Indicator, "aspect", required=required)
        fields[f"{prefix}indicator_text"] = _model_field(
            Indicator, "text", required=required, widget=_text_area()
        )
        if approach == Approach.QUALITATIVE:
            fields[f"{prefix}target_text"] = _model_field(
                Indicator,
                "target_text",
                widget=_text_area(),
                help_text=_("The qualitative approach describes the expected result in words."),
            )
        else:
            fields[f"{prefix}target_value"] = _model_field(Indicator, "target_value", min_value=0)
            fields[f"{prefix}target_unit"] = _model_field(
                Indicator, "target_unit", help_text=_("e.g. dokumen, laporan, %, hari")
            )

    def indicator_values(self, prefix: str = "") -> dict:
        """The cleaned indicator as keyword arguments of ``indicator_add``."""
        data = self.cleaned_data  # type: ignore[attr-defined]
        return {
            "aspect": data[f"{prefix}aspect"],
            "text": data[f"{prefix}indicator_text"],
            "target_value": data.get(f"{prefix}target_value"),
            "target_unit": data.get(f"{prefix}target_unit", ""),
            "target_text": data.get(f"{prefix}target_text", ""),
        }


class ResultForm(IndicatorFieldsMixin, forms.Form):
    """Add or edit a planned result (RHK). When adding, the first indicator comes with
    it; senior executives (JPT) also give the perspective and who assigned the result."""

    kind = _model_field(PlannedResult, "kind")
    text = _model_field(PlannedResult, "text", widget=_text_area(3))

    def __init__(self, *args, senior: bool, approach: str, with_indicator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_indicator = with_indicator
        if senior:
            self.fields["perspective"] = _model_field(PlannedResult, "perspective", required=True)
            self.fields["assigned_by"] = _model_field(
                PlannedResult,
                "assigned_by",
                help_text=_("e.g. the regional head (kepala daerah) or the minister"),
            )
        if with_indicator:
            self.add_indicator_fields(approach, required=False, prefix="")
            self.fields["aspect"].help_text = _(
                "Optional: the first indicator of this result; add more afterwards."
            )

    def clean(self):
        data = super().clean()
        if self.with_indicator and not data.get("indicator_text") and data.get("aspect"):
            self.add_error(
                "indicator_text", _("Describe the indicator, or leave the aspect empty.")
            )
        if self.with_indicator and data.get("indicator_text") and not data.get("aspect"):
            self.add_error("aspect", _("Choose the aspect this indicator measures."))
        return data

    def result_values(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "text": data["text"],
            "perspective": data.get("perspective", ""),
            "assigned_by": data.get("assigned_by", ""),
        }

    def first_indicator(self) -> dict | None:
        if not self.with_indicator or not self.cleaned_data.get("indicator_text"):
            return None
        return self.indicator_values()


class IndicatorForm(IndicatorFieldsMixin, forms.Form):
    def __init__(self, *args, approach: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_indicator_fields(approach, required=True)


class AnnexItemForm(forms.Form):
    kind = _model_field(AnnexItem, "kind")
    text = _model_field(AnnexItem, "text", widget=_text_area())

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["kind"]


class ResultLinkForm(forms.Form):
    """Which result of the assessor's approved SKP this result supports (intervensi)."""

    target = forms.ChoiceField(label=_("Supports the assessor's result"), choices=())

    def __init__(self, *args, targets: list[PlannedResult], **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {str(t.uuid): t for t in targets}
        self.fields["target"].choices = [("", "---------")] + [
            (key, t.text) for key, t in self.targets.items()
        ]

    def target_result(self) -> PlannedResult:
        return self.targets[self.cleaned_data["target"]]


class GoalLinkForm(forms.Form):
    """The organisation goal (and key indicator) a senior executive's result supports."""

    goal = forms.ModelChoiceField(
        label=_("Supports the organisation goal"),
        queryset=OrganisationGoal.objects.none(),
        to_field_name="uuid",
    )
    indicator = forms.ModelChoiceField(
        label=_("Key indicator (IKU)"),
        queryset=OrganisationIndicator.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(self, *args, goals: list[OrganisationGoal], **kwargs):
        super().__init__(*args, **kwargs)
        goal_ids = [g.pk for g in goals]
        self.fields["goal"].queryset = OrganisationGoal.objects.filter(pk__in=goal_ids)
        self.fields["goal"].choices = [("", "---------")] + [(g.uuid, str(g)) for g in goals]
        self.fields["indicator"].queryset = OrganisationIndicator.objects.filter(
            goal_id__in=goal_ids
        )
        self.fields["indicator"].choices = [("", "---------")] + [
            (i.uuid, f"{g.code} · {i.text}") for g in goals for i in g.indicators.all()
        ]


class ExpectationsForm(forms.Form):
    """The leader's specific expectation (Ekspektasi Khusus Pimpinan) per BerAKHLAK value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value in BERAKHLAK_2021:
            self.fields[value.code] = forms.CharField(
                label=value.name,
                required=False,
                widget=_text_area(),
                help_text="; ".join(value.guides),
            )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"),
        widget=_text_area(3),
        help_text=_("The employee sees this comment and the SKP becomes editable again."),
    )


class AdoptForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for adopting by default"),
        widget=_text_area(3),
        help_text=_("Recorded in the SKP's history and sent to the employee."),
    )
