"""Writing the activity log."""

from typing import Any

from django.db import models

from kinerja.core.models import ActivityLog


def log_action(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    subject_employee_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> ActivityLog:
    """Append one entry to the activity log.

    ``action`` is a dotted verb (``"org.assignment_create"``); ``before`` and ``after``
    hold only the fields that changed, as JSON-safe values.
    """
    return ActivityLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_uuid=getattr(obj, "uuid", None),
        subject_employee_id=subject_employee_id,
        before=before,
        after=after,
        reason=reason,
    )


def changed_fields(instance: models.Model, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields in ``values`` whose value differs from the instance's, as (old, new)."""
    changes = {}
    for name, new in values.items():
        old = getattr(instance, name)
        if old != new:
            changes[name] = (old, new)
    return changes
