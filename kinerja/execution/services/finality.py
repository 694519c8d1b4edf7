"""Whether an SKP's work in a reporting window is locked by a final evaluation.

Once the evaluation of a window (or the annual evaluation of the SKP) is FINAL, the
result stands and changes only through an objection (domain.md §1.7, §1.9): the report,
its realisations and evidence, and the window's feedback are no longer written.

``appraisal`` sits above ``execution`` in the layers, so the evaluation is reached
through the SKP's reverse relation (``Skp.evaluations``) and its status by value.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from kinerja.core.exceptions import ApplicationError
from kinerja.planning.models import ReportingWindow, Skp

# appraisal.enums.EvaluationStatus.FINAL (not imported: layers).
FINAL = "final"


def is_locked(*, skp: Skp | int, window: ReportingWindow | int | None) -> bool:
    """True when the evaluation of ``skp`` for ``window``, or its annual evaluation, is
    final. One query."""
    skp_id = skp.pk if isinstance(skp, Skp) else skp
    window_id = window.pk if isinstance(window, ReportingWindow) else window
    covering = Q(evaluations__window__isnull=True)
    if window_id is not None:
        covering |= Q(evaluations__window_id=window_id)
    return Skp.objects.filter(covering, pk=skp_id, evaluations__status=FINAL).exists()


def require_not_final(
    *, skp: Skp | int, window: ReportingWindow | int | None, message: str = ""
) -> None:
    """Refuse a change when the result is final, with ``message`` (translated) or a
    general one."""
    if is_locked(skp=skp, window=window):
        raise ApplicationError(
            message
            or _(
                "The evaluation of this period is final: nothing in it can be changed "
                "any more. A final result changes only through an objection."
            )
        )
