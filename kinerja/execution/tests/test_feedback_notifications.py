"""The in-app notification list: the reader's own messages, mark as read, follow the link."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.execution.services.feedback import feedback_post
from kinerja.notifications.models import Notification
from kinerja.notifications.services import notify


def test_notification_list_shows_own_only(client, fw):
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="akuntabel",
        text="Tepat waktu.",
        actor=fw.world.users["section_head"],
    )
    notify(recipient=fw.world.users["peer"], title="Untuk rekan")
    client.force_login(fw.world.users["staff"])
    response = client.get(reverse("web:notifications"))
    assert response.status_code == 200
    assert response.content.count(b'class="list-group-item notification') == 1
    assert b"Untuk rekan" not in response.content


def test_notification_read_follows_link_and_marks_read(client, fw):
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="akuntabel",
        text="Tepat waktu.",
        actor=fw.world.users["section_head"],
    )
    notification = Notification.objects.get()
    client.force_login(fw.world.users["staff"])
    response = client.post(reverse("web:notification_read", args=[notification.uuid]))
    assert response.status_code == 302
    assert response["Location"] == notification.link
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert client.get(response["Location"]).status_code == 200


def test_notification_of_someone_else_404_and_unchanged(client, fw):
    notification = notify(recipient=fw.world.users["peer"], title="Untuk rekan")
    client.force_login(fw.world.users["staff"])
    response = client.post(reverse("web:notification_read", args=[notification.uuid]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_notification_read_all(client, fw):
    for index in range(3):
        notify(recipient=fw.world.users["staff"], title=f"Pesan {index}")
    notify(recipient=fw.world.users["peer"], title="Untuk rekan")
    client.force_login(fw.world.users["staff"])
    assert client.post(reverse("web:notifications_read_all")).status_code == 302
    assert not Notification.objects.filter(
        recipient=fw.world.users["staff"], read_at__isnull=True
    ).exists()
    assert Notification.objects.get(recipient=fw.world.users["peer"]).read_at is None


def test_notification_external_link_not_followed(client, fw):
    notification = notify(recipient=fw.world.users["staff"], title="X", link="https://evil.test/")
    client.force_login(fw.world.users["staff"])
    response = client.post(reverse("web:notification_read", args=[notification.uuid]))
    assert response["Location"] == reverse("web:notifications")


def test_notification_list_query_count_constant(client, fw):
    notify(recipient=fw.world.users["staff"], title="Satu")
    client.force_login(fw.world.users["staff"])
    url = reverse("web:notifications")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(12):
        notify(recipient=fw.world.users["staff"], title=f"Pesan {index}", link="/")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
