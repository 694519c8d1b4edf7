"""The assessor's rating form. It only collects input: whether a justification is needed
and what the predicate is are decided by ``services.evaluation``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import Rating


class RateForm(forms.Form):
    results_rating = forms.ChoiceField(
        label=_("Results rating (rating hasil kerja)"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
    )
    behaviour_rating = forms.ChoiceField(
        label=_("Behaviour rating (rating perilaku kerja)"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the results rating departs from the recommendation."),
    )
    notes = forms.CharField(
        label=_("Notes and recommendations (catatan/rekomendasi)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
