"""Vocabularies of performance execution (PermenPAN-RB 6/2022; domain.md §1.6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    """Where an employee's report for one reporting window stands."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the assessor")


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")


class CoachingKind(models.TextChoices):
    """Bimbingan kinerja: the three forms of performance guidance."""

    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    COUNSELLING = "counselling", _("Counselling (konseling)")
    DIALOGUE = "dialogue", _("Performance dialogue")


COACHING_FEEDBACK_STATEMENTS = (
    # Format B.1.8, Umpan Balik Pelaksanaan Bimbingan Kinerja (PermenPAN-RB 6/2022 annex).
    _("I felt heard during the session."),
    _("The views given were based on accurate data and facts."),
    _("The session focused on my performance, not on me as a person."),
    _("The session helped me understand what is expected of me."),
    _("I received useful input to improve my performance."),
    _("My strengths were recognised."),
    _("We agreed together on what to do next."),
    _("I know what to do next."),
    _("I feel motivated to improve my performance."),
)
"""The nine statements the employee answers about a guidance session (B.1.8)."""
