"""Issue 4, "Done means": with the demo data every assessment screen shows real content
to the demo logins — the employee's reports and results with an objection, the
assessor's queue with someone waiting, an evaluation with its recommendation and the
unit's distribution warning, calibration, the objection to decide, HR's lists — and
none of them fails."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from kinerja.org.demo import persona_assignments
from kinerja.org.models import Agency

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        agency = Agency.objects.get(code="makassar")
        yield persona_assignments(agency)
        transaction.set_rollback(True)


def _page(client, who, url: str) -> str:
    client.force_login(who.employee.user)
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def _links(html: str, pattern: str) -> list[str]:
    return list(dict.fromkeys(re.findall(rf'href="({pattern})"', html)))


def test_demo_employee_reports_results_and_objection(db, client, demo):
    user = demo["employee"]
    html = _page(client, user, "/pelaksanaan/")
    assert html.count('data-testid="report-window"') >= 2
    report = _links(html, r"/pelaksanaan/laporan/[0-9a-f-]+/")[0]
    html = _page(client, user, report)
    assert 'data-testid="report-row"' in html and 'data-testid="why"' in html
    html = _page(client, user, "/penilaian/saya/")
    evaluations = _links(html, r"/penilaian/skp/[0-9a-f-]+/[0-9a-z-]+/")
    assert len(evaluations) >= 2
    html = _page(client, user, evaluations[0])
    for marker in ("predicate-panel", "predicate-why", "recommendation-why", "evaluation-pdf"):
        assert f'data-testid="{marker}"' in html, marker
    html = _page(client, user, "/penilaian/keberatan/saya/")
    assert 'data-testid="annual-result"' in html
    objection = _links(html, r"/penilaian/keberatan/[0-9a-f-]+/")[0]
    assert 'data-testid="timeline"' in _page(client, user, objection)


def test_demo_assessor_queue_evaluation_calibration_and_pdf(db, client, demo):
    user = demo["assessor"]
    html = _page(client, user, "/penilaian/")
    assert html.count('data-testid="queue-row"') >= 2
    html = _page(client, user, "/penilaian/?waiting=1")
    waiting = _links(html, r"/penilaian/skp/[0-9a-f-]+/[0-9a-f-]+/\?waiting=1")
    assert waiting, "the demo assessor has someone waiting in the latest window"
    html = _page(client, user, waiting[0].replace("&amp;", "&"))
    assert re.search(r'data-testid="recommendation" data-rating="\w+"', html)
    assert 'data-testid="distribution"' in html and "distribution-rule" in html
    assert 'data-testid="rate-form"' in html and "feedback-thread" in html
    html = _page(client, user, "/penilaian/kalibrasi/")
    assert "distribution-rule" in html and "data-predicate=" in html
    html = _page(client, user, "/penilaian/?window=tahunan")
    assert 'data-testid="queue-row"' in html
    html = _page(client, user, "/penilaian/keberatan/?peran=penilai")
    assert 'data-testid="objection-row"' in html
    # A rated evaluation of the team's first window prints.
    html = _page(client, user, "/penilaian/")
    first = re.search(r'<option value="([0-9a-f-]+)"', html).group(1)
    html = _page(client, user, f"/penilaian/?window={first}")
    evaluation = _links(html, r"/penilaian/skp/[0-9a-f-]+/[0-9a-f-]+/")[0]
    pdf = _links(_page(client, user, evaluation), r"/laporan/evaluasi/[0-9a-f-]+/pdf/")[0]
    response = client.get(pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_demo_superior_decides_and_leaders_record(db, client, demo):
    user = demo["assessor_superior"]
    html = _page(client, user, "/penilaian/keberatan/?peran=putuskan")
    objection = _links(html, r"/penilaian/keberatan/[0-9a-f-]+/")[0]
    assert 'data-testid="decide-form"' in _page(client, user, objection)
    html = _page(client, user, "/penilaian/organisasi/")
    assert re.search(r'class="badge text-bg-primary org-predicate" data-predicate="\w+"', html)
    assert "distribution-warning" in _page(client, user, "/penilaian/kalibrasi/")


def test_demo_hr_lists(db, client, demo):
    user = demo["hr_admin"]
    html = _page(client, user, "/penilaian/keberatan/")
    assert html.count('data-testid="objection-row"') >= 2
    objection = _links(html, r"/penilaian/keberatan/[0-9a-f-]+/")[0]
    log = _links(_page(client, user, objection), r"/penilaian/jejak/[0-9a-f-]+/")[0]
    assert 'data-testid="activity-row"' in _page(client, user, log)
    assert 'data-testid="credit-points-row"' in _page(client, user, "/penilaian/angka-kredit/")
    assert 'data-testid="runs"' in _page(client, user, "/penilaian/akhir-tahun/")
    # HR picks a unit on the calibration screen: the demo assessor's section.
    unit = demo["assessor"].position.unit
    html = _page(client, user, f"/penilaian/kalibrasi/?unit={unit.uuid}")
    assert "distribution-rule" in html
    _page(client, user, "/laporan/kepatuhan/")
    _page(client, user, "/laporan/dokumen/")
