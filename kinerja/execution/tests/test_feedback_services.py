import datetime

import pytest
from django.core import mail

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.execution.models import FeedbackMessage
from kinerja.execution.selectors_feedback import feedback_threads
from kinerja.execution.services.feedback import feedback_post, thread_url
from kinerja.notifications.models import Notification
from kinerja.regulation.berakhlak import CORE_VALUE_CODES


def test_feedback_post_by_assessor_notifies_employee_with_link(fw):
    world = fw.world
    message = feedback_post(
        skp=fw.skp,
        window=fw.window,
        result=fw.result,
        text="Bukti rujukan sudah lengkap, pertahankan.",
        actor=world.users["section_head"],
    )
    assert message.author == world.section_head
    notification = Notification.objects.get(recipient=world.users["staff"])
    assert notification.link == thread_url(fw.skp, fw.window, f"r-{fw.result.uuid}")
    assert notification.link.startswith(f"/pelaksanaan/umpan-balik/{fw.skp.uuid}/1/")
    entry = ActivityLog.objects.get(action="execution.feedback_post")
    assert entry.subject_employee_id == world.staff.pk
    assert entry.after["text"] == "Bukti rujukan sudah lengkap, pertahankan."


def test_feedback_post_emails_employee_with_address(fw, django_capture_on_commit_callbacks):
    world = fw.world
    world.users["staff"].email = "eka@example.go.id"
    world.users["staff"].save()
    with django_capture_on_commit_callbacks(execute=True):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            core_value="akuntabel",
            text="Laporan tepat waktu.",
            actor=world.users["section_head"],
        )
    assert [m.to for m in mail.outbox] == [["eka@example.go.id"]]


def test_feedback_reply_by_owner_notifies_assessor(fw):
    world = fw.world
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="kolaboratif",
        text="Koordinasi dengan puskesmas baik.",
        actor=world.users["section_head"],
    )
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="kolaboratif",
        text="Terima kasih, Bu.",
        actor=world.users["staff"],
    )
    assert Notification.objects.filter(recipient=world.users["section_head"]).count() == 1
    assert Notification.objects.filter(recipient=world.users["staff"]).count() == 1


def test_feedback_reply_without_thread_refused(fw):
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=fw.result,
            text="Mohon arahan.",
            actor=fw.world.users["staff"],
        )
    assert not FeedbackMessage.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_feedback_post_bad_text_refused(fw, text):
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=fw.result,
            text=text,
            actor=fw.world.users["section_head"],
        )
    assert not FeedbackMessage.objects.exists()


def test_feedback_post_result_of_other_skp_refused(fw):
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=fw.plan.kasi_result,
            text="Salah SKP",
            actor=fw.world.users["section_head"],
        )


def test_feedback_post_both_result_and_value_refused(fw):
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=fw.result,
            core_value="akuntabel",
            text="Dua-duanya",
            actor=fw.world.users["section_head"],
        )


def test_feedback_post_on_draft_skp_refused(world, plan):
    window = plan.period.windows.first()
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=plan.staff,
            window=window,
            core_value="akuntabel",
            text="Belum ditetapkan",
            actor=world.users["section_head"],
        )


def test_feedback_threads_group_per_result_and_value(fw):
    world = fw.world
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        result=fw.result,
        text="Satu",
        actor=world.users["section_head"],
    )
    feedback_post(
        skp=fw.skp, window=fw.window, result=fw.result, text="Dua", actor=world.users["staff"]
    )
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="adaptif",
        text="Tiga",
        actor=world.users["division_head"],
    )
    threads = feedback_threads(fw.skp, fw.window)
    assert [t.core_value for t in threads if t.core_value] == list(CORE_VALUE_CODES)
    by_key = {t.key: [m.text for m in t.messages] for t in threads}
    assert by_key[f"r-{fw.result.uuid}"] == ["Satu", "Dua"]
    assert by_key["v-adaptif"] == ["Tiga"]
    assert by_key["v-akuntabel"] == []
    other_window = fw.period.windows.order_by("number")[1]
    assert all(not t.messages for t in feedback_threads(fw.skp, other_window))


def test_feedback_post_on_future_window_refused(fw):
    future = fw.window
    future.start_date = today() + datetime.timedelta(days=1)  # in memory only
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=future,
            core_value="akuntabel",
            text="Terlalu dini",
            actor=fw.world.users["section_head"],
        )
    assert not FeedbackMessage.objects.exists()
