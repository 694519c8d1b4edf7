"""The demo round: closed, most people with figures, one peer group of two hidden."""

from kinerja.multirater.demo import demo_multirater_create
from kinerja.multirater.enums import RoundStatus
from kinerja.multirater.models import Answer, Round
from kinerja.multirater.selectors import summary_of
from kinerja.notifications.models import Notification


def test_demo_round_closed_with_one_hidden_peer_group(team, world):
    made = demo_multirater_create(
        agency=world.agency, period=team.period, unit=world.division, seed=7
    )
    round_ = Round.objects.get()
    assert round_.status == RoundStatus.CLOSED
    assert made.subjects == 8
    assert made.answers == Answer.objects.count() > 0
    assert not Notification.objects.exists()
    peer_answers = {
        s.employee.name: s.answers.filter(relation="peer").count() for s in round_.subjects.all()
    }
    hidden = [name for name, count in peer_answers.items() if count == 2]
    assert len(hidden) == 1
    shown_peers = 0
    for subject in round_.subjects.select_related("employee", "round__root_unit", "round__period"):
        groups = {g.relation: g for g in summary_of(subject).groups}
        if subject.employee.name in hidden:
            assert groups["peer"].shown is False
        elif "peer" in groups and groups["peer"].shown:
            shown_peers += 1
    assert shown_peers >= 4
    again = demo_multirater_create(
        agency=world.agency, period=team.period, unit=world.division, seed=7
    )
    assert again.answers == 0 and Round.objects.count() == 1
