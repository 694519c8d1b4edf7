"""The realisation API (/api/v1): reports, realisations, evidence upload and download."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.accounts.services import api_token_create
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, PeriodReport, Realisation
from kinerja.execution.tests.realisation_world import PDF_BYTES, build

API = "/api/v1"


@pytest.fixture
def rw(world):
    return build(world)


@pytest.fixture
def bearer(world):
    def make(persona: str) -> Client:
        _token, raw = api_token_create(user=world.users[persona], name="tests")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make


def test_api_lists_my_windows(bearer, rw):
    response = bearer("staff").get(f"{API}/reports")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == rw.period.windows.count()
    started = [item for item in body["items"] if item["report"]]
    assert [item["report"] for item in started] == [str(rw.report.uuid)]
    assert started[0]["status"] == ReportStatus.DRAFT


def test_api_report_detail_has_rows_with_achievement(bearer, rw):
    client = bearer("staff")
    response = client.put(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.time.uuid}",
        {"value": "2", "narrative": "cepat"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert Decimal(response.json()["achievement"]) == Decimal(150)
    detail = client.get(f"{API}/reports/{rw.report.uuid}").json()
    assert len(detail["rows"]) == 3
    assert all(row["why"] for row in detail["rows"])


def test_api_put_negative_value_is_422_and_changes_nothing(bearer, rw):
    response = bearer("staff").put(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.quantity.uuid}",
        {"value": "-1"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Realisation.objects.exists()


def test_api_start_report_for_a_window(bearer, rw):
    earlier = rw.period.windows.filter(end_date__lt=rw.window.start_date).first()
    if earlier is None:
        pytest.skip("today is in the first window")
    response = bearer("staff").post(
        f"{API}/reports",
        {"skp": str(rw.skp.uuid), "window": str(earlier.uuid)},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert PeriodReport.objects.filter(skp=rw.skp, window=earlier).exists()


def _upload(client, rw, name, data):
    return client.post(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.quantity.uuid}/files",
        {"file": SimpleUploadedFile(name, data), "title": "Notulen"},
    )


def test_api_upload_and_download(bearer, rw):
    client = bearer("staff")
    response = _upload(client, rw, "../../notulen.pdf", PDF_BYTES)
    assert response.status_code == 201
    body = response.json()
    assert body["file_name"] == "notulen.pdf"
    assert body["content_type"] == "application/pdf"
    download = bearer("section_head").get(body["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    download.close()
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 60),
        ("halaman.pdf", b"<html><script>alert(1)</script></html>"),
        ("gambar.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ],
)
def test_api_upload_refuses_disguised_files(bearer, rw, name, data):
    response = _upload(bearer("staff"), rw, name, data)
    assert response.status_code == 400
    assert not Evidence.objects.exists()


def test_api_upload_refuses_oversized_file(bearer, rw, settings):
    settings.MAX_UPLOAD_BYTES = 512
    response = _upload(bearer("staff"), rw, "besar.pdf", PDF_BYTES + b"0" * 1000)
    assert response.status_code == 400
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("section_head", 403), ("peer", 404)])
def test_api_upload_by_others_changes_nothing(bearer, rw, persona, status):
    response = _upload(bearer(persona), rw, "a.pdf", PDF_BYTES)
    assert response.status_code == status
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_hr"])
def test_api_download_of_someone_elses_file_is_404(bearer, rw, persona):
    evidence_uuid = _upload(bearer("staff"), rw, "a.pdf", PDF_BYTES).json()["uuid"]
    response = bearer(persona).get(f"{API}/evidence/{evidence_uuid}/file")
    assert response.status_code == 404
    assert PDF_BYTES not in response.content


def test_api_link_and_delete(bearer, rw):
    client = bearer("staff")
    bad = client.post(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.quantity.uuid}/links",
        {"url": "javascript:alert(1)"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    good = client.post(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.quantity.uuid}/links",
        {"url": "https://example.go.id/berita/1", "title": "Berita"},
        content_type="application/json",
    )
    assert good.status_code == 201
    assert bearer("section_head").delete(f"{API}/evidence/{good.json()['uuid']}").status_code == 403
    assert client.delete(f"{API}/evidence/{good.json()['uuid']}").status_code == 204
    assert not Evidence.objects.exists()


def test_api_submit_and_reopen(bearer, rw):
    client = bearer("staff")
    refused = client.post(
        f"{API}/reports/{rw.report.uuid}/submit", {}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert len(refused.json()["problems"]) == 3
    for indicator, payload in [
        (rw.quantity, {"value": "3"}),
        (rw.time, {"value": "3"}),
        (rw.narrative, {"narrative": "Baik"}),
    ]:
        client.put(
            f"{API}/reports/{rw.report.uuid}/realisations/{indicator.uuid}",
            payload,
            content_type="application/json",
        )
    done = client.post(
        f"{API}/reports/{rw.report.uuid}/submit", {"note": "ok"}, content_type="application/json"
    )
    assert done.status_code == 200
    assert done.json()["status"] == ReportStatus.SUBMITTED
    assert (
        client.post(
            f"{API}/reports/{rw.report.uuid}/reopen",
            {"reason": "x"},
            content_type="application/json",
        ).status_code
        == 403
    )
    reopened = bearer("section_head").post(
        f"{API}/reports/{rw.report.uuid}/reopen",
        {"reason": "Lengkapi"},
        content_type="application/json",
    )
    assert reopened.status_code == 200
    assert reopened.json()["status"] == ReportStatus.DRAFT
