"""Performance guidance (bimbingan kinerja): sessions, the employee's feedback on a
session (format B.1.8) and the leader's competence evaluation (format B.1.9)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.execution.enums import CoachingKind
from kinerja.org.models import Employee
from kinerja.planning.models import AssessmentPeriod


class CoachingSession(BaseModel):
    """One performance dialogue or guidance session between a leader and an employee."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="coaching"
    )
    coach = models.ForeignKey(
        Employee, verbose_name=_("held by"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=CoachingKind.choices)
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    agreed_actions = models.TextField(_("agreed actions"), blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)

    class Meta:
        ordering = ["employee", "-held_on", "-id"]
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class CoachingFeedback(BaseModel):
    """Umpan Balik Pelaksanaan Bimbingan Kinerja (B.1.8): the employee's answers to the
    nine statements, each 1 (strongly disagree) to 4 (strongly agree)."""

    session = models.OneToOneField(
        CoachingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="employee_feedback",
    )
    answers = models.JSONField(_("answers"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")

    def __str__(self) -> str:
        return str(self.session)


class CompetenceEvaluation(BaseModel):
    """Evaluasi Kompetensi Pegawai (B.1.9): the leader scores each competence 1–5."""

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="competence_evaluations",
    )
    evaluator = models.ForeignKey(
        Employee, verbose_name=_("evaluated by"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    evaluated_on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["employee", "-evaluated_on", "-id"]
        verbose_name = _("competence evaluation")
        verbose_name_plural = _("competence evaluations")

    def __str__(self) -> str:
        return f"{self.employee_id} {self.evaluated_on}"


class CompetenceScore(models.Model):
    evaluation = models.ForeignKey(
        CompetenceEvaluation,
        verbose_name=_("evaluation"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    competence = models.CharField(_("competence"), max_length=200)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["evaluation", "id"]
        verbose_name = _("competence score")
        verbose_name_plural = _("competence scores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="competence_score_1_to_5",
                violation_error_message=_("A competence score is between 1 and 5."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.competence}: {self.score}"
