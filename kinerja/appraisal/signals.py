"""Signals appraisal sends for the layers above it (reporting), which it must not import."""

import logging

from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Evaluations became final, or a final one's result changed (an objection decision).
# Sent after the transaction commits, with ``evaluations``: a queryset of them, so a
# bulk finalisation reads its rows only if a receiver wants them.
evaluations_finalised = Signal()


def evaluations_finalised_send(evaluations: QuerySet) -> None:
    """Send ``evaluations_finalised`` once the current transaction commits. A receiver's
    failure is logged, never raised: the finalisation itself has already committed."""

    def send() -> None:
        sender = evaluations.model
        for receiver, error in evaluations_finalised.send_robust(sender, evaluations=evaluations):
            if isinstance(error, Exception):
                logger.error("%s failed on finalised evaluations", receiver, exc_info=error)

    transaction.on_commit(send)
