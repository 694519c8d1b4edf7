"""360° feedback journey: a peer answers a colleague's form on a phone; HR closes the
round on a desktop; the assessor reads the anonymous peer figures beside the behaviour
rating's other inputs. Every page is checked with axe-core."""

# ruff: noqa: F811 -- pytest fixtures imported from the multirater tests

import pytest
from playwright.sync_api import expect

from kinerja.multirater.models import Answer
from kinerja.multirater.services import round_open
from kinerja.multirater.tests.conftest import answer_as, plan, team  # noqa: F401 -- fixtures
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

pytestmark = pytest.mark.browser


def test_peer_answers_on_a_phone_and_the_assessor_sees_the_group(phone, desktop, team, world):
    round_ = round_open(root_unit=world.division, period=team.period, actor=world.users["hr"])
    for rater in team.extras[:2]:
        answer_as(round_, world.staff, rater, 4, {"overall": "Selalu siap membantu"})

    phone.login_as("peer")
    phone.nav("360° feedback")
    phone.click(
        phone.page.locator("#pending-tasks li", has_text=world.staff.name).get_by_role("link")
    )
    for code in CORE_VALUE_CODES:
        phone.page.locator(f"#id_{code}_5").check()
    phone.page.locator("#id_comment_overall").fill("Teliti dan tepat waktu")
    phone.submit("Send my answer")
    expect(phone.page.locator("#pending-tasks")).not_to_contain_text(world.staff.name)
    assert Answer.objects.filter(subject__employee=world.staff, relation="peer").count() == 3

    desktop.login_as("hr")
    desktop.nav("360° rounds")
    desktop.click(world.division.name)
    expect(desktop.page.locator("#round-status")).to_have_attribute("data-status", "open")
    desktop.submit("Close the round")
    expect(desktop.page.locator("#round-status")).to_have_attribute("data-status", "closed")

    phone.logout()
    phone.login_as("section_head")
    subject = round_.subjects.get(employee=world.staff)
    phone.visit(f"/umpan-balik-360/dinilai/{subject.uuid}/ringkasan/")
    peers = phone.page.locator('.multirater-group[data-group="peer"]')
    expect(peers).to_have_attribute("data-shown", "1")
    expect(phone.page.locator("main")).not_to_contain_text(world.peer.name)
