"""Forms of the public survey page and of the HR set-up screens."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kinerja.regulation.ikm import ELEMENTS_2017
from kinerja.surveys.enums import AgeBand, Education, Occupation, RespondentSex
from kinerja.surveys.models import ServiceOption, SurveyPeriod, SurveyUnit

HONEYPOT_FIELD = "website"


class ResponseForm(forms.Form):
    """The nine elements with their official wording in the page's language, the
    optional profile, service and officer, the one-time token and the honeypot."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    age_band = forms.ChoiceField(
        label=_("Age"), choices=[("", "—"), *AgeBand.choices], required=False
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=[("", "—"), *RespondentSex.choices], required=False
    )
    education = forms.ChoiceField(
        label=_("Education"), choices=[("", "—"), *Education.choices], required=False
    )
    occupation = forms.ChoiceField(
        label=_("Occupation"), choices=[("", "—"), *Occupation.choices], required=False
    )
    service = forms.ModelChoiceField(
        label=_("Service received"),
        queryset=ServiceOption.objects.none(),
        required=False,
        empty_label="—",
    )
    officer = forms.ModelChoiceField(
        label=_("Officer who served you"),
        queryset=ServiceOption.objects.none(),
        required=False,
        empty_label="—",
    )
    # Hidden from people (see the template); bots that fill every field fill it too.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, services=None, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "id"
        self.elements = []
        for number, element in enumerate(ELEMENTS_2017, start=1):
            answers = element.answers(language)
            field = forms.TypedChoiceField(
                label=element.question(language),
                choices=[(value, answers[value - 1]) for value in (4, 3, 2, 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose an answer."),
                    "invalid_choice": _("Please choose one of the four answers."),
                },
            )
            field.element_name = element.name(language)
            field.number = number
            self.fields[element.code] = field
            self.elements.append(element.code)
        if services is not None:
            self.fields["service"].queryset = services
        else:
            del self.fields["service"]
        if officers is not None:
            self.fields["officer"].queryset = officers
            self.fields["officer"].label_from_instance = lambda e: e.full_name
        else:
            del self.fields["officer"]

    def element_fields(self):
        return [self[code] for code in self.elements]

    def profile_fields(self):
        return [self[name] for name in ("age_band", "sex", "education", "occupation")]

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code in self.elements}

    def profile(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name) or ""
            for name in ("age_band", "sex", "education", "occupation")
        }


class _Styled:
    """Bootstrap classes on the HR forms' widgets."""

    def style(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs.setdefault("class", css)


class SurveyUnitForm(_Styled, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()

    class Meta:
        model = SurveyUnit
        fields = ["slug", "population_served", "is_active", "ask_officer", "officer_threshold"]


class SurveyUnitCreateForm(SurveyUnitForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=SurveyUnit.objects.none())

    class Meta(SurveyUnitForm.Meta):
        fields = ["unit", *SurveyUnitForm.Meta.fields]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.style()


class ServiceOptionForm(_Styled, forms.Form):
    name = forms.CharField(label=_("Service"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()


class SurveyPeriodForm(_Styled, forms.ModelForm):
    """A survey period for one unit; HR over the whole agency may open it for every
    survey unit of the agency at once (``agency_wide``)."""

    agency_wide = forms.BooleanField(
        label=_("For every survey unit of the agency"),
        required=False,
        help_text=_("One period shared by all units, so their indexes cover the same dates."),
    )

    def __init__(self, *args, agency_wide_allowed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not agency_wide_allowed:
            del self.fields["agency_wide"]
        self.style()

    class Meta:
        model = SurveyPeriod
        fields = ["name", "start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }
