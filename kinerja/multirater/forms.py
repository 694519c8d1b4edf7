"""Forms of 360° feedback: opening a round, adding a rater, answering."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.multirater.enums import RaterRelation
from kinerja.multirater.services import COMMENT_MAX, OVERALL
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import BERAKHLAK_2021
from kinerja.regulation.multirater import HOUSE_SCALE_1_5, MIN_GROUP


class RoundOpenForm(forms.Form):
    root_unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        help_text=_("Everyone holding a post in this unit and the units below it is rated."),
    )
    period = forms.ModelChoiceField(label=_("Period"), queryset=AssessmentPeriod.objects.none())
    on = forms.DateField(
        label=_("Org chart date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Raters are proposed from the org chart on this date (default: today)."),
    )
    deadline = forms.DateField(
        label=_("Answers due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    min_group = forms.IntegerField(
        label=_("Fewest answers shown per group"),
        min_value=MIN_GROUP,
        max_value=50,
        initial=MIN_GROUP,
        help_text=_(
            "Peer and subordinate answers appear only as group figures, and only "
            "when at least this many answered. It cannot be below three."
        ),
    )
    include_self = forms.BooleanField(
        label=_("Ask each employee for a self-assessment"), required=False, initial=True
    )
    draft = forms.BooleanField(
        label=_("Keep as a draft to review the raters before opening"), required=False
    )

    def __init__(self, *args, units, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["root_unit"].queryset = units
        self.fields["period"].queryset = periods

    def clean(self):
        data = super().clean()
        unit, period = data.get("root_unit"), data.get("period")
        if unit and period and unit.agency_id != period.agency_id:
            self.add_error("period", _("Choose a period of the unit's agency."))
        return data


class RaterAddForm(forms.Form):
    nip = forms.CharField(
        label=_("Rater's NIP"), max_length=18, help_text=_("The NIP or NI PPPK of the rater.")
    )
    relation = forms.ChoiceField(label=_("Rater group"), choices=RaterRelation.choices)


def _scale_choices():
    return [(p.score, f"{p.score} — {p.label}") for p in HOUSE_SCALE_1_5]


class AnswerForm(forms.Form):
    """Seven required scores on the house scale and optional comments."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value in BERAKHLAK_2021:
            self.fields[value.code] = forms.TypedChoiceField(
                label=value.name,
                choices=_scale_choices(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a score for this value.")},
            )
            self.fields[f"comment_{value.code}"] = forms.CharField(
                label=_("Comment on %(value)s (optional)") % {"value": value.name},
                required=False,
                max_length=COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["comment_overall"] = forms.CharField(
            label=_("Overall comment (optional)"),
            required=False,
            max_length=COMMENT_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def scores(self) -> dict[str, int]:
        return {v.code: self.cleaned_data[v.code] for v in BERAKHLAK_2021}

    def comments(self) -> dict[str, str]:
        found = {v.code: self.cleaned_data.get(f"comment_{v.code}", "") for v in BERAKHLAK_2021}
        found[OVERALL] = self.cleaned_data.get("comment_overall", "")
        return {k: v for k, v in found.items() if v}

    def value_rows(self):
        """Per value: the core value, its score field and its comment field."""
        return [
            (value, self[value.code], self[f"comment_{value.code}"]) for value in BERAKHLAK_2021
        ]
