"""GET /healthz: a plain "ok" without the database or a session. No test here is
marked ``django_db``, so any query the view made would fail it."""

from django.urls import reverse


def test_healthz_answers_ok_as_plain_text_without_the_database(client):
    response = client.get(reverse("web:healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.cookies == {}


def test_healthz_path_is_the_documented_one():
    assert reverse("web:healthz") == "/healthz"


def test_healthz_refuses_a_post(client):
    response = client.post(reverse("web:healthz"))
    assert response.status_code == 405
