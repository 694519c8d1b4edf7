"""360° feedback rounds: who is rated, who rates whom, and the answers.

Anonymity by design
-------------------
The rater and the content of an answer are stored in two tables that do not point to
each other:

* ``RaterAssignment`` knows the rater and the employee rated (the ``Subject``) and only
  whether the rater has answered. It is what stops a second answer and what HR edits.
* ``Answer`` knows the subject, the rater *group* (peer, subordinate, …) and the scores
  and comments, and nothing about who gave them.

So even a database export of the answers table, or of both tables, cannot name the
rater of an answer. What could still join the two has been taken out on purpose:

* an ``Answer`` has no timestamps (a ``created_at`` beside the activity log's time of
  "one more answer" would name the rater) and its primary key is a random UUID, not a
  sequence that would follow the order of submission;
* marking an assignment answered is a queryset ``update`` of its status only, so its
  ``updated_at`` does not record the time of the answer either;
* the activity log records "one more answer in round R" without the actor.

What remains is the physical order of rows inside the database files, which an
administrator with file access could read; no screen, export or API offers it. The
threshold (``regulation.multirater``) and the rule that figures appear only after the
round is closed (so two readings cannot be subtracted to isolate one answer) protect
the rest.
"""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.multirater.enums import AssignmentStatus, RaterRelation, RaterSource, RoundStatus
from kinerja.org.models import Agency, Employee, Position, Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.multirater import MIN_GROUP


class Round(BaseModel):
    """One 360° feedback round over a unit subtree in an assessment period.

    Subjects and raters are proposed from the org chart as it stood on
    ``reference_date`` and may be edited by HR until the round is closed.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    root_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit (with the units below it)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    reference_date = models.DateField(_("org chart date"))
    deadline = models.DateField(_("answers due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    min_group = models.PositiveSmallIntegerField(
        _("fewest answers shown per group"),
        default=MIN_GROUP,
        validators=[MinValueValidator(MIN_GROUP)],
        help_text=_(
            "Peer and subordinate answers are shown only when at least this many "
            "answered. Never below three."
        ),
    )
    include_self = models.BooleanField(_("include a self-assessment"), default=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("360° feedback round")
        verbose_name_plural = _("360° feedback rounds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_group__gte=MIN_GROUP),
                name="multirater_round_min_group_at_least_three",
                violation_error_message=_("The threshold cannot be below three."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.root_unit} — {self.period}"


class Subject(BaseModel):
    """An employee rated in a round, with the post held on the round's date.

    ``notes`` keeps what the proposal could not do as it should (too few peers in the
    unit, no assessor) as codes and parameters, translated when shown.
    """

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="subjects"
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.JSONField(_("notes"), default=list, blank=True)

    class Meta:
        ordering = ["round", "employee__name"]
        verbose_name = _("person rated")
        verbose_name_plural = _("people rated")
        constraints = [
            models.UniqueConstraint(fields=["round", "employee"], name="multirater_subject_once")
        ]

    def __str__(self) -> str:
        return str(self.employee)


class RaterAssignment(BaseModel):
    """Who is asked to rate whom, in which group, and whether they have answered.

    Deliberately without a link to the answer (see the module docstring).
    """

    subject = models.ForeignKey(
        Subject,
        verbose_name=_("person rated"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    rater = models.ForeignKey(
        Employee, verbose_name=_("rater"), on_delete=models.PROTECT, related_name="+"
    )
    relation = models.CharField(_("rater group"), max_length=12, choices=RaterRelation.choices)
    source = models.CharField(
        _("source"), max_length=10, choices=RaterSource.choices, default=RaterSource.PROPOSED
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PENDING,
    )

    class Meta:
        ordering = ["subject", "relation", "id"]
        verbose_name = _("rater")
        verbose_name_plural = _("raters")
        constraints = [
            models.UniqueConstraint(fields=["subject", "rater"], name="multirater_rater_once")
        ]
        indexes = [models.Index(fields=["rater", "status"])]

    def __str__(self) -> str:
        return f"{self.rater} → {self.subject} ({self.relation})"


class Answer(models.Model):
    """One rater's scores (1–5 per BerAKHLAK value) and comments for one subject.

    No rater, no timestamps, a random primary key: see the module docstring. ``scores``
    maps each core value code to its score; ``comments`` maps a value code, or
    ``"overall"``, to a comment.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("person rated"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    relation = models.CharField(_("rater group"), max_length=12, choices=RaterRelation.choices)
    scores = models.JSONField(_("scores"))
    comments = models.JSONField(_("comments"), default=dict, blank=True)

    class Meta:
        # Ordered by the random key, never by anything that follows submission order.
        ordering = ["id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["subject", "relation"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.relation})"
