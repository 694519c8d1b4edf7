"""Forms of objections and the year-end finalisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import Rating
from kinerja.appraisal.services.objection import CHANGE, UPHOLD


class ObjectionFileForm(forms.Form):
    reasons = forms.CharField(
        label=_("Reasons for the objection"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Say which rating you disagree with and why, with the evidence."),
    )


class ObjectionStatementForm(forms.Form):
    statement = forms.CharField(
        label=_("Your explanation of the assessment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )


class ObjectionDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(UPHOLD, _("The result stands")), (CHANGE, _("Change the ratings"))],
        widget=forms.RadioSelect,
    )
    results_rating = forms.ChoiceField(
        label=_("Results rating"),
        choices=[("", "—"), *Rating.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    behaviour_rating = forms.ChoiceField(
        label=_("Behaviour rating"),
        choices=[("", "—"), *Rating.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    reason = forms.CharField(
        label=_("Reasons for the decision"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("The decision is final: it cannot be changed or objected to again."),
    )


class ObjectionWithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=2000)


class YearEndForm(forms.Form):
    period = forms.ModelChoiceField(label=_("Period"), queryset=None, to_field_name="uuid")
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=None,
        to_field_name="uuid",
        required=False,
        empty_label=_("The whole agency"),
    )

    def __init__(self, *args, periods, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["unit"].queryset = units
