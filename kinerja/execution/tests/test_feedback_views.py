import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.execution.models import FeedbackMessage
from kinerja.execution.services.feedback import feedback_post
from kinerja.notifications.models import Notification
from kinerja.planning.models import PlannedResult


def _page(fw, number=None):
    return reverse("execution:feedback_page", args=[fw.skp.uuid, number or fw.window.number])


def _post_url(fw):
    return reverse("execution:feedback_post", args=[fw.skp.uuid, fw.window.number])


@pytest.mark.parametrize("who", ["staff", "section_head", "division_head", "hr", "leader"])
def test_feedback_page_readable_by_related_people(client, fw, who):
    client.force_login(fw.world.users[who])
    response = client.get(_page(fw))
    assert response.status_code == 200
    assert response.content.count(b'class="card mb-3 feedback-thread"') == 1 + 7


@pytest.mark.parametrize("who", ["peer", "nurse", "other_hr", "other_employee"])
def test_feedback_page_hidden_from_others(client, fw, who):
    client.force_login(fw.world.users[who])
    assert client.get(_page(fw)).status_code == 404


def test_feedback_page_unknown_window_404(client, fw):
    client.force_login(fw.world.users["section_head"])
    assert client.get(_page(fw, 99)).status_code == 404


def test_feedback_page_forms_only_for_writers(client, fw):
    client.force_login(fw.world.users["section_head"])
    assert client.get(_page(fw)).content.count(b'class="feedback-form"') == 8
    client.force_login(fw.world.users["staff"])
    assert b'class="feedback-form"' not in client.get(_page(fw)).content
    client.force_login(fw.world.users["hr"])
    assert b'class="feedback-form"' not in client.get(_page(fw)).content


def test_feedback_post_htmx_returns_thread(client, fw):
    client.force_login(fw.world.users["section_head"])
    response = client.post(
        _post_url(fw),
        {"thread": f"r-{fw.result.uuid}", "text": "Bagus, lanjutkan."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert f'id="thread-r-{fw.result.uuid}"'.encode() in response.content
    assert b"Bagus, lanjutkan." in response.content
    assert FeedbackMessage.objects.get().author == fw.world.section_head
    assert Notification.objects.filter(recipient=fw.world.users["staff"]).exists()


def test_feedback_post_htmx_error_keeps_text(client, fw):
    client.force_login(fw.world.users["staff"])
    response = client.post(
        _post_url(fw),
        {"thread": "v-akuntabel", "text": "Balasan tanpa utas"},
        HTTP_HX_REQUEST="true",
    )
    # The employee may not start a thread: the form is not offered, nothing is saved.
    assert response.status_code == 200
    assert not FeedbackMessage.objects.exists()


def test_feedback_post_without_htmx_redirects_to_thread(client, fw):
    client.force_login(fw.world.users["division_head"])
    response = client.post(_post_url(fw), {"thread": "v-adaptif", "text": "Cepat beradaptasi."})
    assert response.status_code == 302
    assert response["Location"].endswith("#thread-v-adaptif")
    assert FeedbackMessage.objects.get().core_value == "adaptif"


def test_feedback_reply_by_owner(client, fw):
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="harmonis",
        text="Suasana tim baik.",
        actor=fw.world.users["section_head"],
    )
    client.force_login(fw.world.users["staff"])
    response = client.post(
        _post_url(fw), {"thread": "v-harmonis", "text": "Siap, Bu."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert FeedbackMessage.objects.filter(author=fw.world.staff).count() == 1


@pytest.mark.parametrize("who", ["hr", "leader"])
def test_feedback_post_by_reader_denied_and_nothing_changes(client, fw, who):
    client.force_login(fw.world.users[who])
    response = client.post(_post_url(fw), {"thread": "v-adaptif", "text": "Tidak boleh"})
    assert response.status_code == 403
    assert not FeedbackMessage.objects.exists()
    assert not Notification.objects.exists()


def test_feedback_post_by_stranger_404_and_nothing_changes(client, fw):
    client.force_login(fw.world.users["peer"])
    response = client.post(_post_url(fw), {"thread": "v-adaptif", "text": "Tidak boleh"})
    assert response.status_code == 404
    assert not FeedbackMessage.objects.exists()


@pytest.mark.parametrize("key", ["x-1", "r-not-a-uuid", "v-unknown", ""])
def test_feedback_post_bad_thread_404(client, fw, key):
    client.force_login(fw.world.users["section_head"])
    response = client.post(_post_url(fw), {"thread": key, "text": "Isi"})
    assert response.status_code == 404
    assert not FeedbackMessage.objects.exists()


def _page_queries(client, fw) -> int:
    client.force_login(fw.world.users["section_head"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_page(fw)).status_code == 200
    return len(queries)


def test_feedback_page_query_count_constant(client, fw):
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        result=fw.result,
        text="Satu",
        actor=fw.world.users["section_head"],
    )
    few = _page_queries(client, fw)
    for index in range(6):
        # Straight to the table: an approved SKP is not editable through the services.
        result = PlannedResult.objects.create(
            skp=fw.skp, kind=fw.result.kind, text=f"Hasil tambahan {index}", order=index + 1
        )
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=result,
            text=f"Catatan {index}",
            actor=fw.world.users["section_head"],
        )
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=result,
            text=f"Balasan {index}",
            actor=fw.world.users["staff"],
        )
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            core_value="loyal",
            text=f"Nilai {index}",
            actor=fw.world.users["division_head"],
        )
    many = _page_queries(client, fw)
    assert FeedbackMessage.objects.count() == 19
    assert many == few
