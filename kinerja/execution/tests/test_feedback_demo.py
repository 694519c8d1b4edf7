"""The demo step for feedback, guidance and attendance, on the test world's approved
SKPs (the demo logins' parts are skipped when the agency has none)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.clock import today
from kinerja.execution.demo.feedback import demo_feedback_create
from kinerja.execution.models import AttendanceSummary, CoachingSession, FeedbackMessage


def _past(fw):
    return [w for w in fw.period.windows.all() if w.end_date < today()]


def test_demo_feedback_fills_past_windows(fw):
    made = demo_feedback_create(agency=fw.world.agency, period=fw.period, seed=7)
    past = _past(fw)
    assert made.messages == FeedbackMessage.objects.count()
    assert made.attendance == AttendanceSummary.objects.count()
    assert made.sessions == CoachingSession.objects.count()
    assert set(AttendanceSummary.objects.values_list("window", flat=True)) == {w.pk for w in past}
    for message in FeedbackMessage.objects.select_related("window"):
        assert message.window in past
        assert message.created_at.date() <= message.window.end_date
    for summary in AttendanceSummary.objects.all():
        total = summary.present_days + summary.leave_days + summary.absent_days
        assert total == summary.working_days


def test_demo_feedback_is_deterministic(fw):
    demo_feedback_create(agency=fw.world.agency, period=fw.period, seed=7)
    first = sorted(FeedbackMessage.objects.values_list("skp", "window", "text"))
    FeedbackMessage.objects.all().delete()
    AttendanceSummary.objects.all().delete()
    CoachingSession.objects.all().delete()
    demo_feedback_create(agency=fw.world.agency, period=fw.period, seed=7)
    assert sorted(FeedbackMessage.objects.values_list("skp", "window", "text")) == first


def test_demo_feedback_is_set_based(fw):
    with CaptureQueriesContext(connection) as queries:
        demo_feedback_create(agency=fw.world.agency, period=fw.period, seed=7)
    assert len(queries) < 40
