"""The attendance import form: the assessment period and the uploaded file."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy

from kinerja.planning.models import AssessmentPeriod


class AttendanceImportForm(forms.Form):
    period = forms.ModelChoiceField(
        label=gettext_lazy("Assessment period"), queryset=AssessmentPeriod.objects.none()
    )
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.first_period = periods.first()
        if self.first_period is not None:
            self.fields["period"].initial = self.first_period.pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                gettext_lazy("The file is larger than %(limit)s MB.")
                % {"limit": limit // (1024 * 1024)}
            )
        return upload
