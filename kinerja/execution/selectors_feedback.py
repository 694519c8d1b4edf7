"""Reads of continuous feedback: the threads of one SKP in one reporting window."""

from dataclasses import dataclass, field

from kinerja.execution.models import FeedbackMessage
from kinerja.execution.services.feedback import thread_key
from kinerja.planning.models import PlannedResult, ReportingWindow, Skp
from kinerja.regulation.berakhlak import BERAKHLAK_2021


@dataclass
class Thread:
    """The messages about one result (RHK) or one core value, oldest first."""

    key: str
    label: str
    result: PlannedResult | None = None
    core_value: str = ""
    guides: tuple[str, ...] = ()
    messages: list[FeedbackMessage] = field(default_factory=list)
    # Filled by the interface for the viewer: may they write here, and where to post.
    can_write: bool = False
    post_url: str = ""

    @property
    def is_result(self) -> bool:
        return self.result is not None


def feedback_messages(skp: Skp, window: ReportingWindow):
    return (
        FeedbackMessage.objects.filter(skp=skp, window=window)
        .select_related("author", "result")
        .order_by("created_at", "id")
    )


def feedback_threads(skp: Skp, window: ReportingWindow) -> list[Thread]:
    """One thread per result of the SKP, then one per BerAKHLAK value, each with its
    messages: two queries whatever the number of results and messages."""
    results = list(PlannedResult.objects.filter(skp=skp).order_by("kind", "order", "id"))
    threads = [Thread(key=thread_key(result=r), label=r.text, result=r) for r in results] + [
        Thread(
            key=thread_key(core_value=value.code),
            label=value.name,
            core_value=value.code,
            guides=value.guides,
        )
        for value in BERAKHLAK_2021
    ]
    by_key = {thread.key: thread for thread in threads}
    for message in feedback_messages(skp, window):
        key = thread_key(result=message.result, core_value=message.core_value)
        thread = by_key.get(key)
        if thread is not None:
            thread.messages.append(message)
    return threads


def feedback_counts(skp_ids: list[int], window: ReportingWindow) -> dict[int, int]:
    """How many feedback messages each SKP has in the window (for queues), one query."""
    from django.db.models import Count

    rows = (
        FeedbackMessage.objects.filter(skp_id__in=skp_ids, window=window)
        .values("skp_id")
        .annotate(n=Count("id"))
    )
    return {row["skp_id"]: row["n"] for row in rows}
