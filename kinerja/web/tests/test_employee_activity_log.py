"""The employee page links the employee's activity log (jejak) for those who may read it,
and the log shows the changes made about the employee in execution: attendance imports
and feedback (issue 4 item 7)."""

import pytest
from django.urls import reverse

from kinerja.core.models import ActivityLog
from kinerja.execution.attendance_files import COLUMNS
from kinerja.execution.services.attendance import attendance_import
from kinerja.execution.services.feedback import feedback_post
from kinerja.execution.tests import feedback_world

# The feedback fixtures: the planning ``plan`` with the staff's SKP approved.
fw, plan = feedback_world.fw, feedback_world.plan

LINK = b'data-testid="activity-log-link"'


def _page(client, world, who, employee):
    client.force_login(world.users[who])
    return client.get(reverse("org:employee_detail", args=[employee.uuid]))


def test_employee_page_links_activity_log_for_hr(client, world):
    response = _page(client, world, "hr", world.staff)
    assert response.status_code == 200
    assert response.context["can_read_log"] is True
    url = reverse("appraisal:activity_log", args=[world.staff.uuid])
    assert LINK in response.content
    assert f'href="{url}"'.encode() in response.content
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["staff", "section_head", "peer"])
def test_employee_page_hides_activity_log_link_from_others(client, world, who):
    response = _page(client, world, who, world.staff)
    assert response.status_code == 200
    assert response.context["can_read_log"] is False
    assert LINK not in response.content


def _csv(*nips: str) -> bytes:
    rows = [f"{nip},1,60,58,2,1,2,0," for nip in nips]
    return ("\n".join([",".join(COLUMNS), *rows]) + "\n").encode()


def test_activity_log_lists_attendance_and_feedback_of_the_employee(client, fw):
    world = fw.world
    report = attendance_import(
        agency=world.agency,
        period=fw.period,
        name="kehadiran.csv",
        data=_csv(world.staff.nip, world.peer.nip),
        actor=world.users["hr"],
    )
    assert report.ok and report.created == 2
    entries = ActivityLog.objects.filter(action="execution.attendance_set")
    assert sorted(entries.values_list("subject_employee_id", flat=True)) == sorted(
        [world.staff.pk, world.peer.pk]
    )
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="akuntabel",
        text="Tepat waktu.",
        actor=world.users["section_head"],
    )
    client.force_login(world.users["hr"])
    response = client.get(reverse("appraisal:activity_log", args=[world.staff.uuid]))
    assert response.status_code == 200
    actions = [row["entry"].action for row in response.context["rows"]]
    assert actions.count("execution.attendance_set") == 1
    assert "execution.feedback_post" in actions
