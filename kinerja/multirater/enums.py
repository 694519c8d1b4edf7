"""Vocabularies of 360° feedback rounds."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.regulation.multirater import Relation


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft: raters being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class RaterRelation(models.TextChoices):
    """The rater group; the values are those of ``regulation.multirater.Relation``."""

    ASSESSOR = Relation.ASSESSOR.value, _("Assessor")
    PEER = Relation.PEER.value, _("Peer")
    SUBORDINATE = Relation.SUBORDINATE.value, _("Subordinate")
    SELF = Relation.SELF.value, _("Self")


class RaterSource(models.TextChoices):
    PROPOSED = "proposed", _("Proposed from the org chart")
    MANUAL = "manual", _("Added by HR")


class AssignmentStatus(models.TextChoices):
    PENDING = "pending", _("Not answered yet")
    ANSWERED = "answered", _("Answered")
