"""Forms of performance guidance: a session, the B.1.8 answers, the B.1.9 scores."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.clock import today
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS, CoachingKind
from kinerja.planning.forms_setup import DATE_WIDGET
from kinerja.regulation.competences import COMPETENCE_SCALE

ANSWER_CHOICES = [
    (1, _("1 — strongly disagree")),
    (2, _("2 — disagree")),
    (3, _("3 — agree")),
    (4, _("4 — strongly agree")),
]
EXTRA_COMPETENCE_ROWS = 3


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET, initial=today)
    kind = forms.ChoiceField(label=_("Kind"), choices=CoachingKind.choices)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    agreed_actions = forms.CharField(
        label=_("Agreed actions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_on = forms.DateField(label=_("Follow-up date"), required=False, widget=DATE_WIDGET)


class SessionFeedbackForm(forms.Form):
    """The nine statements of format B.1.8, each answered 1–4."""

    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comment = self.fields.pop("comment")
        for index, statement in enumerate(COACHING_FEEDBACK_STATEMENTS, start=1):
            self.fields[f"s{index}"] = forms.TypedChoiceField(
                label=f"{index}. {statement}",
                choices=ANSWER_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
        self.fields["comment"] = comment

    def answers(self) -> list[int]:
        return [self.cleaned_data[f"s{i}"] for i in range(1, len(COACHING_FEEDBACK_STATEMENTS) + 1)]


class CompetenceForm(forms.Form):
    """Format B.1.9: a row per competence (name, score 1–5, reason). Rows left without a
    score and a reason are skipped; the default names come from regulation.competences."""

    evaluated_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET, initial=today)
    note = forms.CharField(
        label=_("General note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, competences: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.row_count = len(competences) + EXTRA_COMPETENCE_ROWS
        score_choices = [("", "—")] + [(n, str(n)) for n in COMPETENCE_SCALE]
        self.rows = []
        for index in range(self.row_count):
            name = competences[index] if index < len(competences) else ""
            self.fields[f"c{index}_name"] = forms.CharField(
                label=_("Competence"), max_length=200, required=False, initial=name
            )
            self.fields[f"c{index}_score"] = forms.TypedChoiceField(
                label=_("Score (1–5)"),
                choices=score_choices,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"c{index}_reason"] = forms.CharField(
                label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.rows.append(index)

    def row_fields(self):
        return [(self[f"c{i}_name"], self[f"c{i}_score"], self[f"c{i}_reason"]) for i in self.rows]

    def scores(self):
        """(name, score, reason) for every row the leader filled in."""
        filled = []
        for index in self.rows:
            name = self.cleaned_data.get(f"c{index}_name", "").strip()
            score = self.cleaned_data.get(f"c{index}_score")
            reason = self.cleaned_data.get(f"c{index}_reason", "").strip()
            if score is None and not reason:
                continue
            filled.append((name, score, reason))
        return filled
