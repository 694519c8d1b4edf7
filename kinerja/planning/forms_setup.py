"""Forms of the cascade and set-up screens: the role–result matrix cell, periods, goals
with their key indicators, and the indicator library. Fields come from the models, so
labels, choices and limits match the database; the forms only collect input for a
service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.org.models import Agency, Unit
from kinerja.planning.models import (
    AssessmentPeriod,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
    PlannedResult,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _model_field(model, name: str, **kwargs) -> forms.Field:
    return model._meta.get_field(name).formfield(**kwargs)


def _date_field(model, name: str, **kwargs) -> forms.Field:
    return _model_field(model, name, widget=DATE_WIDGET, **kwargs)


class MatrixCellForm(forms.Form):
    """One cell of the role–result matrix: a new result in words, or one of the
    subordinate's results that supports nothing yet."""

    text = forms.CharField(
        label=_("Role or result for this employee"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    result = forms.ModelChoiceField(
        label=_("…or link one of their results"),
        queryset=PlannedResult.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(self, *args, options: list[PlannedResult], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].queryset = PlannedResult.objects.filter(
            pk__in=[r.pk for r in options]
        )
        self.fields["result"].choices = [("", "---------")] + [(r.uuid, r.text) for r in options]

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and data.get("result") is None:
            raise forms.ValidationError(
                _("Type the result this employee delivers, or pick one of their results.")
            )
        return data


class PeriodCreateForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.none(), to_field_name="uuid"
    )
    year = _model_field(AssessmentPeriod, "year", min_value=2000, max_value=2100)
    approach = _model_field(AssessmentPeriod, "approach")
    rhythm = _model_field(AssessmentPeriod, "rhythm")
    planning_deadline = _date_field(
        AssessmentPeriod,
        "planning_deadline",
        required=False,
        help_text=_("Empty: 31 January of the year (PermenPAN-RB 8/2021)."),
    )
    assessment_deadline = _date_field(
        AssessmentPeriod,
        "assessment_deadline",
        required=False,
        help_text=_("Empty: 31 January of the following year."),
    )

    def __init__(self, *args, agencies: list[Agency], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
        self.fields["agency"].choices = [(a.uuid, a.name) for a in agencies]
        self.fields["rhythm"].help_text = _(
            "The reporting windows (quarters or months) are made from the rhythm; "
            "each window's reports are due ten days after it ends, editable afterwards."
        )


class PeriodEditForm(forms.Form):
    """A period's approach, rhythm and deadlines, and one deadline per reporting window
    (``window_<number>``)."""

    approach = _model_field(AssessmentPeriod, "approach")
    rhythm = _model_field(AssessmentPeriod, "rhythm")
    planning_deadline = _date_field(AssessmentPeriod, "planning_deadline")
    assessment_deadline = _date_field(AssessmentPeriod, "assessment_deadline")

    def __init__(self, *args, period: AssessmentPeriod, windows, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "approach": period.approach,
                "rhythm": period.rhythm,
                "planning_deadline": period.planning_deadline,
                "assessment_deadline": period.assessment_deadline,
                **{f"window_{w.number}": w.report_deadline for w in windows},
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["approach"].help_text = _(
            "Applies to SKPs started from now on; existing SKPs keep their approach."
        )
        self.fields["rhythm"].help_text = _(
            "Changing the rhythm replaces the reporting windows and resets their deadlines."
        )
        for window in windows:
            self.fields[f"window_{window.number}"] = forms.DateField(
                label=_("Reports of %(window)s due") % {"window": window.label},
                widget=DATE_WIDGET,
                help_text=_("%(start)s – %(end)s")
                % {
                    "start": window.start_date.strftime("%d-%m-%Y"),
                    "end": window.end_date.strftime("%d-%m-%Y"),
                },
            )
        self.window_numbers = [w.number for w in windows]

    def window_deadlines(self) -> dict:
        return {n: self.cleaned_data[f"window_{n}"] for n in self.window_numbers}


class GoalForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        help_text=_("The unit whose performance agreement holds this goal."),
    )
    code = _model_field(OrganisationGoal, "code")
    title = _model_field(OrganisationGoal, "title", widget=forms.Textarea(attrs={"rows": 2}))
    source = _model_field(OrganisationGoal, "source")

    def __init__(self, *args, units: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        self.fields["unit"].choices = [("", "---------")] + [(u.uuid, u.name) for u in units]


class GoalIndicatorForm(forms.Form):
    """One key indicator (IKU) row of the goal form; ``uuid`` names an existing one."""

    uuid = forms.UUIDField(required=False, widget=forms.HiddenInput)
    text = _model_field(OrganisationIndicator, "text", required=False, widget=forms.TextInput())
    target_value = _model_field(OrganisationIndicator, "target_value", min_value=0)
    target_unit = _model_field(OrganisationIndicator, "target_unit")

    def clean(self):
        data = super().clean()
        if data.get("uuid") and not data.get("text") and not data.get("DELETE"):
            self.add_error("text", _("Describe the key indicator, or tick delete."))
        return data


GoalIndicatorFormSet = forms.formset_factory(
    GoalIndicatorForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class TemplateForm(forms.Form):
    """A suggested result and indicator of the indicator library."""

    agency = forms.ChoiceField(label=_("Offered to"), required=False)
    field = _model_field(
        IndicatorTemplate,
        "field",
        help_text=_("e.g. health services, teaching, licensing, programme management"),
    )
    position_kind = _model_field(
        IndicatorTemplate,
        "position_kind",
        help_text=_("Empty: suggested for every kind of position."),
    )
    result_text = _model_field(
        IndicatorTemplate, "result_text", widget=forms.Textarea(attrs={"rows": 2})
    )
    indicator_text = _model_field(
        IndicatorTemplate, "indicator_text", widget=forms.Textarea(attrs={"rows": 2})
    )
    aspect = _model_field(IndicatorTemplate, "aspect")
    target_unit = _model_field(IndicatorTemplate, "target_unit")
    suggested_target = _model_field(IndicatorTemplate, "suggested_target", min_value=0)

    NATIONAL = "national"

    def __init__(self, *args, agencies: list[Agency], allow_national: bool, **kwargs):
        """``agencies``: those the user curates; ``allow_national``: superadmins only.
        Without a choice to make (editing, or a single agency) the field disappears."""
        super().__init__(*args, **kwargs)
        choices = [(str(a.uuid), a.name) for a in agencies]
        if allow_national:
            choices.insert(0, (self.NATIONAL, _("Every agency (national library)")))
        self.agencies = {str(a.uuid): a for a in agencies}
        if len(choices) <= 1:
            del self.fields["agency"]
            self.fixed_agency = agencies[0] if agencies else None
        else:
            self.fields["agency"].choices = choices
            self.fields["agency"].required = True

    def chosen_agency(self):
        if "agency" not in self.fields:
            return self.fixed_agency
        return self.agencies.get(self.cleaned_data["agency"])

    def template_values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "field",
                "position_kind",
                "result_text",
                "indicator_text",
                "aspect",
                "target_unit",
                "suggested_target",
            )
        }
