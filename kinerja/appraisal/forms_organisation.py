"""Forms for the organisation result, calibration and the assessment policy. They only
shape input; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import OrganisationPredicate, Rating, Rounding


class BootstrapForm(forms.Form):
    """Bootstrap classes on every widget."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)


class OrganisationResultForm(BootstrapForm):
    predicate = forms.ChoiceField(
        label=_("Organisation predicate"), choices=OrganisationPredicate.choices
    )
    basis = forms.CharField(
        label=_("Basis"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Action plan or performance agreement achievement."),
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you change a result already recorded."),
    )


class CalibrationForm(BootstrapForm):
    results_rating = forms.ChoiceField(label=_("Results rating"), choices=Rating.choices)
    behaviour_rating = forms.ChoiceField(label=_("Behaviour rating"), choices=Rating.choices)
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the results rating departs from the recommendation."),
    )
    reason = forms.CharField(
        label=_("Reason for the revision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the ratings are revised in calibration.")},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the ratings are revised in calibration."))
        return reason


class PolicyForm(BootstrapForm):
    as_expected_from = forms.DecimalField(
        label=_("Recommend 'as expected' from (% achievement)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
    )
    above_from = forms.DecimalField(
        label=_("Recommend 'above expectation' from (% achievement)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
    )
    achievement_cap = forms.DecimalField(
        label=_("Cap on one indicator's achievement (%)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
    )
    rounding = forms.ChoiceField(
        label=_("Rounding of the distribution guide for small units"),
        choices=Rounding.choices,
        widget=forms.RadioSelect,
    )
    objection_days = forms.IntegerField(
        label=_("Days to object after the final result"), min_value=1, max_value=365
    )
    decision_days = forms.IntegerField(
        label=_("Days for the assessor's superior to decide an objection"),
        min_value=1,
        max_value=365,
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
