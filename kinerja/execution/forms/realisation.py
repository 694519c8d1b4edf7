"""Forms of the report screen: one realisation, an evidence file, an evidence link, and
the reasons for submitting or reopening. Checks beyond the shape of the input are the
services' (``kinerja.execution.services``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.execution import filetypes
from kinerja.execution.services.evidence import MAX_TITLE, MAX_URL
from kinerja.execution.services.realisation import MAX_NARRATIVE


class RealisationForm(forms.Form):
    value = forms.DecimalField(
        label=_("Realisation"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=MAX_NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EvidenceFileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(filetypes.ACCEPTED_EXTENSIONS)}),
    )
    title = forms.CharField(label=_("Description (optional)"), required=False, max_length=MAX_TITLE)


class EvidenceLinkForm(forms.Form):
    url = forms.CharField(
        label=_("Link"),
        max_length=MAX_URL,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    title = forms.CharField(label=_("Description (optional)"), required=False, max_length=MAX_TITLE)


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the assessor (optional)"),
        required=False,
        max_length=MAX_NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What should change"),
        max_length=MAX_NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
