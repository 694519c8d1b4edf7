"""The form that starts a bulk document job: which unit, which window (or the year)."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.access.permissions import actor_for
from kinerja.core.clock import today
from kinerja.org.models import Assignment, Unit
from kinerja.org.selectors import active_on
from kinerja.planning.models import AssessmentPeriod, ReportingWindow


def batch_units(user) -> QuerySet[Unit]:
    """Units the user may start a batch for: those in their HR scopes, and the units of
    the posts they hold (an assessor prints their assessees' documents)."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Unit.objects.order_by("agency_id", "path")
    condition = Q(pk__in=[])
    for scope in actor.hr_scopes:
        part = Q(agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(path__startswith=scope.path)
        condition |= part
    if actor.employee is not None and actor.assessees(today()):
        held = Assignment.objects.filter(active_on(today()), employee=actor.employee)
        condition |= Q(pk__in=held.values("position__unit_id"))
    return Unit.objects.filter(condition).order_by("agency_id", "path")


class BatchStartForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    window = forms.ChoiceField(label=gettext_lazy("Period"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = batch_units(user)
        self.fields["unit"].queryset = units
        self.fields["unit"].help_text = _("Its documents and those of the units below it.")
        periods = (
            AssessmentPeriod.objects.filter(agency_id__in=units.values("agency_id"))
            .prefetch_related("windows")
            .order_by("-year")[:3]
        )
        choices = []
        for period in periods:
            for window in period.windows.all():
                choices.append((f"w:{window.uuid}", window.label))
            # Translators: the annual evaluation of a year, e.g. "Tahunan 2026"
            choices.append((f"y:{period.uuid}", _("Annual %(year)s") % {"year": period.year}))
        self.fields["window"].choices = choices

    def clean(self):
        data = super().clean()
        unit, chosen = data.get("unit"), data.get("window")
        if unit is None or not chosen:
            return data
        kind, _sep, uuid = chosen.partition(":")
        if kind == "w":
            window = ReportingWindow.objects.select_related("period").filter(uuid=uuid).first()
            period = window.period if window else None
        else:
            window = None
            period = AssessmentPeriod.objects.filter(uuid=uuid).first()
        if period is None or period.agency_id != unit.agency_id:
            raise forms.ValidationError(_("Choose a period of the unit's agency."))
        data["period"], data["the_window"] = period, window
        return data
