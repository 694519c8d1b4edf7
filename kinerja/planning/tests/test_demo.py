"""The demo plans of ``manage.py load_demo``: every employee's SKP, cascading from the
goals down the derived assessment chain, with a realistic mix of states.

The agency (about 1,500 employees) is built once for the module inside a transaction
that is rolled back at the end; each test runs in a savepoint within it.
"""

# ruff: noqa: S311 -- seeded samples of the demo data, not secrets

import datetime
import random
from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.test import override_settings

from kinerja.core.clock import today
from kinerja.notifications.models import Notification
from kinerja.org.demo import PERSONA_POSTS, PLT_POSTS, TRANSFER_FROM, TRANSFER_TO, transfer_date
from kinerja.org.enums import AssignmentKind
from kinerja.org.models import Agency, Assignment, Employee
from kinerja.org.selectors import active_on, assessees_of, superiors_of
from kinerja.planning.demo import chart as demo_chart
from kinerja.planning.demo import results as demo_results
from kinerja.planning.enums import AnnexKind, Approach, ResultKind, Rhythm, SkpStatus
from kinerja.planning.models import (
    AssessmentPeriod,
    CascadeLink,
    IndicatorTemplate,
    OrganisationGoal,
    PlannedResult,
    Skp,
)
from kinerja.planning.selectors import LIVE_STATUSES, MAX_CASCADE_DEPTH, cascade_tree
from kinerja.planning.services import is_senior_executive, skp_problems

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAITING = (SkpStatus.SUBMITTED, SkpStatus.DRAFT, SkpStatus.RETURNED)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        yield Agency.objects.get(code="makassar")
        transaction.set_rollback(True)


def plan_date(skp):
    return max(skp.start_date, min(today(), skp.end_date))


def holder(agency, code, kind=AssignmentKind.DEFINITIVE):
    return Assignment.objects.get(
        active_on(today()), position__agency=agency, position__code=code, kind=kind
    ).employee


def live_plan(employee):
    on = today()
    return Skp.objects.get(
        employee=employee, status__in=LIVE_STATUSES, start_date__lte=on, end_date__gte=on
    )


def fingerprint(agency):
    """What the plans say, independent of ids: per post, status and results with
    their indicators and targets."""
    results = PlannedResult.objects.filter(skp__employee__agency=agency).prefetch_related(
        "indicators"
    )
    return sorted(
        (
            r.skp.position.code,
            str(r.skp.start_date),
            r.skp.status,
            r.order,
            r.text,
            tuple(
                (i.aspect, i.text, str(i.target_value), i.target_unit) for i in r.indicators.all()
            ),
        )
        for r in results.select_related("skp__position")
    )


def test_demo_period_is_this_years_quarterly_and_quantitative(db, demo):
    period = AssessmentPeriod.objects.get(agency=demo)

    assert (period.year, period.rhythm, period.approach) == (
        today().year,
        Rhythm.QUARTERLY,
        Approach.QUANTITATIVE,
    )
    assert period.windows.count() == 4


def test_demo_every_employee_holding_a_post_has_a_live_skp_in_force_today(db, demo):
    on = today()
    holding = set(
        Assignment.objects.filter(active_on(on), employee__agency=demo).values_list(
            "employee_id", flat=True
        )
    )
    planned = Counter(
        Skp.objects.filter(
            employee__agency=demo, status__in=LIVE_STATUSES, start_date__lte=on, end_date__gte=on
        ).values_list("employee_id", flat=True)
    )

    assert len(holding) == 1500
    assert set(planned) == holding
    assert set(planned.values()) == {1}


def test_demo_goals_have_key_indicators_with_targets(db, demo):
    goals = OrganisationGoal.objects.filter(period__agency=demo).prefetch_related("indicators")
    titles = {g.title for g in goals}

    assert {
        "Meningkatnya derajat kesehatan masyarakat",
        "Meningkatnya mutu pendidikan dasar",
        "Meningkatnya kualitas pelayanan perizinan",
        "Meningkatnya keselamatan dan kelancaran lalu lintas",
        "Meningkatnya kualitas lingkungan hidup",
        "Meningkatnya kunjungan wisatawan",
    } <= titles
    assert {g.unit.code for g in goals} == {
        "SETDA",
        "DINKES",
        "DISDIK",
        "DISHUB",
        "DLH",
        "DISPAR",
        "BKPSDM",
        "DPMPTSP",
    }
    for goal in goals:
        assert goal.indicators.all(), goal.code
        assert all(i.target_value is not None and i.target_unit for i in goal.indicators.all())
    health = goals.get(code="DINKES.SS1").indicators.first()
    assert (health.text, health.target_unit) == (
        "Angka kematian ibu per 100.000 kelahiran hidup",
        "per 100.000 KH",
    )


def test_demo_jpt_results_support_goals_and_carry_a_perspective(db, demo):
    senior = [
        s
        for s in Skp.objects.filter(employee__agency=demo).select_related("position")
        if is_senior_executive(s.position)
    ]
    results = PlannedResult.objects.filter(skp__in=senior).prefetch_related("links")

    assert len(senior) == 10  # the Regional Secretary, three assistants, six office heads
    assert {s.status for s in senior} == {SkpStatus.APPROVED}
    for result in results:
        assert result.perspective, result.text
        assert result.links.all()
        assert all(link.supports_goal_id for link in result.links.all()), result.text
    sekda = holder(demo, "SETDA-KEPALA")
    assert live_plan(sekda).approved_by is None  # the mayor approves, who is no employee
    head = holder(demo, "DINKES-KEPALA")
    assert live_plan(head).approved_by == sekda


def test_demo_approved_results_support_the_assessors_approved_skp(db, demo):
    """Every main result of an approved non-JPT plan supports a result of an approved
    plan of the person who approved it, in force on the plan's date."""
    plans = [
        s
        for s in Skp.objects.filter(employee__agency=demo, status=SkpStatus.APPROVED)
        .select_related("position")
        .prefetch_related("results__links__supports_result__skp")
        if not is_senior_executive(s.position)
    ]

    assert len(plans) > 1300
    for skp in plans:
        mains = [r for r in skp.results.all() if r.kind == ResultKind.MAIN]
        assert 2 <= len(mains) <= 7
        for result in mains:
            targets = [link.supports_result for link in result.links.all() if link.supports_result]
            assert targets, result.text
            for target in targets:
                superior = target.skp
                assert superior.status == SkpStatus.APPROVED
                assert superior.employee_id == skp.approved_by_id
                assert superior.period_id == skp.period_id
                assert superior.start_date <= plan_date(skp) <= superior.end_date


def test_demo_approvers_are_the_derived_assessors(db, demo):
    plans = list(
        Skp.objects.filter(employee__agency=demo, status=SkpStatus.APPROVED).select_related(
            "employee"
        )
    )

    for skp in random.Random(3).sample(plans, 50):
        superiors = superiors_of(skp.employee, plan_date(skp))
        expected = superiors.assessor.employee.pk if superiors.assessor else None
        expected_superior = (
            superiors.assessor_superior.employee.pk if superiors.assessor_superior else None
        )
        assert skp.approved_by_id == expected, skp.employee
        assert skp.assessor_superior_at_approval_id == expected_superior, skp.employee


def test_demo_chart_derives_the_assessors_of_superiors_of(db, demo):
    on = today()
    chart = demo_chart.Chart.load(demo, on)
    employees = list(Employee.objects.filter(agency=demo).order_by("nip"))
    sample = [*random.Random(5).sample(employees, 50)]
    sample += [holder(demo, code, AssignmentKind.PLT) for code in PLT_POSTS]  # acting officials too

    for employee in sample:
        expected = superiors_of(employee, on)
        assessor, superior = chart.superiors(employee.pk)
        assert (assessor.employee_id if assessor else None) == (
            expected.assessor.employee.pk if expected.assessor else None
        ), employee
        assert (assessor.position_id if assessor else None) == (
            expected.assessor.position.pk if expected.assessor else None
        ), employee
        assert (superior.employee_id if superior else None) == (
            expected.assessor_superior.employee.pk if expected.assessor_superior else None
        ), employee


def test_demo_status_mix(db, demo):
    plans = Skp.objects.filter(employee__agency=demo)
    statuses = Counter(plans.values_list("status", flat=True))
    total = sum(statuses.values())

    assert (statuses[SkpStatus.SUBMITTED], statuses[SkpStatus.DRAFT]) == (75, 45)
    assert statuses[SkpStatus.RETURNED] == 30
    assert statuses[SkpStatus.APPROVED] == total - 150
    assert not plans.filter(status=SkpStatus.RETURNED, review_comment="").exists()
    assert not plans.filter(status=SkpStatus.APPROVED, approved_at__isnull=True).exists()
    assert not plans.exclude(status=SkpStatus.DRAFT).filter(submitted_at__isnull=True).exists()
    # Nobody links to a plan that is not approved.
    assert not CascadeLink.objects.filter(supports_result__skp__status__in=WAITING).exists()


def test_demo_plans_pass_the_services_checks(db, demo):
    """What the services would demand before submitting or approving holds: results
    with indicators, targets with units, links, perspectives, seven expectations."""
    plans = list(Skp.objects.filter(employee__agency=demo).select_related("position"))
    waiting = [s for s in plans if s.status in (SkpStatus.SUBMITTED, SkpStatus.RETURNED)]
    approved = [s for s in plans if s.status == SkpStatus.APPROVED]

    for skp in waiting:
        assert skp_problems(skp, for_approval=False) == [], skp.employee
    for skp in random.Random(7).sample(approved, 150):
        assert skp_problems(skp, for_approval=True) == [], skp.employee
        assert {a.kind for a in skp.annex_items.all()} == set(AnnexKind.values)


def test_demo_unfinished_drafts_show_on_the_unlinked_list(db, demo):
    drafts = Skp.objects.filter(employee__agency=demo, status=SkpStatus.DRAFT)
    unlinked = PlannedResult.objects.filter(skp__in=drafts, kind=ResultKind.MAIN, links=None)

    assert 5 < unlinked.count() < drafts.count()
    assert not drafts.exclude(expectations__text="").exists()


def test_demo_personas_can_try_the_workflow(db, demo):
    people = {persona: holder(demo, code) for persona, code in PERSONA_POSTS.items()}
    on = today()

    for persona in ("employee", "assessor", "assessor_superior", "school_head", "hr_admin"):
        assert live_plan(people[persona]).status == SkpStatus.APPROVED, persona
    assert live_plan(people["leader"]).status == SkpStatus.APPROVED
    teacher = live_plan(people["teacher"])
    assert teacher.status == SkpStatus.RETURNED
    assert teacher.review_comment
    assert teacher.approved_by is None
    team = Counter(live_plan(e).status for e in Employee.objects.filter(
        pk__in=assessees_of(people["assessor"], on)
    ))  # fmt: skip
    school = Counter(live_plan(e).status for e in Employee.objects.filter(
        pk__in=assessees_of(people["school_head"], on)
    ))  # fmt: skip
    assert people["employee"].pk in assessees_of(people["assessor"], on)
    assert min(team[SkpStatus.SUBMITTED], team[SkpStatus.RETURNED], team[SkpStatus.DRAFT]) >= 1
    assert school[SkpStatus.SUBMITTED] >= 1
    assert school[SkpStatus.RETURNED] >= 1  # the teacher's
    # One message per plan waiting in the queue, and one for their own approval.
    # (The later demo steps notify about reports and results too: count the plans'.)
    planning = Notification.objects.filter(link__startswith="/rencana/")
    messages = planning.filter(recipient=people["assessor"].user)
    assert messages.count() == team[SkpStatus.SUBMITTED] + 1
    assert planning.filter(recipient=people["teacher"].user).count() == 1
    assert planning.filter(recipient=people["employee"].user).count() == 1


def test_demo_transfer_has_a_closed_and_a_new_plan(db, demo):
    moved_on = transfer_date(today())
    mover = holder(demo, f"{TRANSFER_TO}-001")
    plans = sorted(
        Skp.objects.filter(employee=mover).select_related("position__unit"),
        key=lambda s: s.start_date,
    )

    if moved_on.year < today().year:
        pytest.skip("early January: the transfer fell in the previous year")
    assert [(s.position.unit.code, s.status) for s in plans] == [
        (TRANSFER_FROM, SkpStatus.APPROVED),
        (TRANSFER_TO, SkpStatus.APPROVED),
    ]
    old, new = plans
    assert (old.start_date, old.end_date) == (
        old.period.start_date,
        moved_on - datetime.timedelta(days=1),
    )
    assert (new.start_date, new.end_date) == (moved_on, new.period.end_date)
    assert old.approved_by == superiors_of(mover, old.end_date).assessor.employee
    assert new.approved_by == superiors_of(mover, moved_on).assessor.employee
    assert old.approved_by != new.approved_by


def test_demo_acting_officials_plan_the_post_they_act_in(db, demo):
    for code in PLT_POSTS:
        acting = holder(demo, code, AssignmentKind.PLT)
        skp = live_plan(acting)
        duty = [r for r in skp.results.all() if r.text.endswith("(tugas Plt.)")]
        assert skp.status == SkpStatus.APPROVED
        assert duty, code
        assert skp.position.code != code  # planned in their own post
    dispar = live_plan(holder(demo, "DISPAR-KEPALA", AssignmentKind.PLT))
    goals = CascadeLink.objects.filter(result__skp=dispar, supports_goal__isnull=False)
    assert set(goals.values_list("supports_goal__code", flat=True)) == {
        "DISPAR.SS1",
        "DISPAR.SS2",
        "DISPAR.SS3",
    }
    division = live_plan(holder(demo, "DISPAR-PEMASARAN-KEPALA"))
    supported = {
        link.supports_result.text for r in division.results.all() for link in r.links.all()
    }
    assert supported and all(text.endswith("(tugas Plt.)") for text in supported)


def test_demo_cascade_reaches_staff_from_the_health_goal(db, demo):
    goal = OrganisationGoal.objects.get(period__agency=demo, code="DINKES.SS1")

    def depth(nodes):
        return 1 + max((depth(n.children) for n in nodes), default=0) if nodes else 0

    assert depth(cascade_tree(goal, levels=MAX_CASCADE_DEPTH)) >= 4  # Kadis → Kabid → Kasi → staff


def test_demo_library_has_templates_for_each_field(db, demo):
    templates = IndicatorTemplate.objects.filter(agency__isnull=True)
    fields = set(templates.values_list("field", flat=True))

    assert 40 <= templates.count() <= 55
    assert {
        demo_results.HEALTH,
        demo_results.EDUCATION,
        demo_results.LICENSING,
        demo_results.TRANSPORT,
        demo_results.ENVIRONMENT,
        demo_results.TOURISM,
        demo_results.HR,
        demo_results.ADMINISTRATION,
        demo_results.FINANCE,
        demo_results.PROGRAMME,
    } <= fields
    assert not templates.filter(target_unit="").exists()
    assert not templates.filter(result_text__contains="{").exists()
    teaching = set(
        templates.filter(field=demo_results.EDUCATION).values_list("result_text", flat=True)
    )
    assert {
        "Pembelajaran kelas yang bermutu",
        "Kehadiran siswa yang tinggi",
        "Partisipasi orang tua dalam pembelajaran",
    } <= teaching
    licensing = templates.get(result_text="Izin terbit tepat waktu")
    assert (licensing.indicator_text, licensing.target_unit) == (
        "Rata-rata waktu penyelesaian izin",
        "hari",
    )
    assert templates.filter(
        field=demo_results.PROGRAMME, indicator_text__contains="dalam setahun"
    ).exists()


def test_load_demo_twice_does_not_duplicate_plans(db, demo):
    counts = (
        Skp.objects.count(),
        PlannedResult.objects.count(),
        CascadeLink.objects.count(),
        OrganisationGoal.objects.count(),
        IndicatorTemplate.objects.count(),
        AssessmentPeriod.objects.count(),
    )
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "makassar" in out.getvalue()
    assert (
        Skp.objects.count(),
        PlannedResult.objects.count(),
        CascadeLink.objects.count(),
        OrganisationGoal.objects.count(),
        IndicatorTemplate.objects.count(),
        AssessmentPeriod.objects.count(),
    ) == counts


def delete_follow_up():
    """Delete what the demo's later steps wrote on top of the plans (reports, ratings,
    surveys …), by app label: planning may not import the apps above it. Their rows
    protect one another, so models are retried until a pass deletes everything."""
    pending = [
        model
        for label in ("appraisal", "multirater", "execution", "reporting", "surveys")
        for model in apps.get_app_config(label).get_models()
    ]
    while pending:
        blocked = []
        for model in pending:
            try:
                with transaction.atomic():
                    model.objects.all().delete()
            except (ProtectedError, RestrictedError):
                blocked.append(model)
        assert len(blocked) < len(pending), blocked
        pending = blocked


def test_load_demo_plans_an_agency_without_plans_the_same_way(db, demo):
    """An agency loaded before the demo had plans gets them on the next run, and the
    same seed plans the same results (the library is not seeded twice)."""
    before = fingerprint(demo)
    templates = IndicatorTemplate.objects.count()
    period = AssessmentPeriod.objects.get(agency=demo)
    delete_follow_up()
    CascadeLink.objects.filter(result__skp__period=period).delete()
    Skp.objects.filter(period=period).delete()
    period.delete()

    call_command("load_demo", stdout=StringIO())

    assert fingerprint(demo) == before
    assert IndicatorTemplate.objects.count() == templates
