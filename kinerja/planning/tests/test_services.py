import datetime
from decimal import Decimal

import pytest

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification
from kinerja.org.services import assignment_start
from kinerja.planning.enums import Aspect, SkpStatus
from kinerja.planning.models import CascadeLink, Skp
from kinerja.planning.services import (
    indicator_add,
    link_to_result,
    period_create,
    result_add,
    skp_adopt_by_default,
    skp_approve,
    skp_close_for_job_change,
    skp_create,
    skp_problems,
    skp_return,
    skp_revise,
    skp_submit,
)
from kinerja.planning.tests.conftest import approved, complete_result, fill_expectations


def test_period_create_makes_four_quarters(world):
    period = period_create(agency=world.agency, year=2030)

    assert [(w.label, w.start_date, w.end_date) for w in period.windows.all()] == [
        ("Triwulan I 2030", datetime.date(2030, 1, 1), datetime.date(2030, 3, 31)),
        ("Triwulan II 2030", datetime.date(2030, 4, 1), datetime.date(2030, 6, 30)),
        ("Triwulan III 2030", datetime.date(2030, 7, 1), datetime.date(2030, 9, 30)),
        ("Triwulan IV 2030", datetime.date(2030, 10, 1), datetime.date(2030, 12, 31)),
    ]
    assert period.planning_deadline == datetime.date(2030, 1, 31)


def test_period_create_monthly(world):
    period = period_create(agency=world.agency, year=2028, rhythm="monthly")

    windows = list(period.windows.all())
    assert len(windows) == 12
    assert (windows[1].label, windows[1].end_date) == ("Februari 2028", datetime.date(2028, 2, 29))


def test_skp_create_has_seven_empty_expectations(plan):
    assert plan.staff.status == SkpStatus.DRAFT
    assert plan.staff.expectations.count() == 7
    assert plan.staff.position.code == "STAFF"


def test_skp_create_twice_refused(plan, world):
    with pytest.raises(ApplicationError, match="Sudah ada SKP"):
        skp_create(employee=world.staff, period=plan.period)


def test_skp_submit_lists_what_is_missing(plan):
    with pytest.raises(ApplicationError) as raised:
        skp_submit(skp=plan.staff)

    assert raised.value.extra["problems"] == [
        "Tambahkan minimal satu hasil kerja utama (RHK utama)."
    ]
    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.DRAFT


def test_skp_submit_requires_links_and_targets(plan):
    result = result_add(skp=plan.staff, text="Berkas rujukan diarsipkan")
    indicator_add(result=result, aspect=Aspect.QUANTITY, text="Jumlah berkas")

    problems = skp_problems(plan.staff, for_approval=False)

    assert problems == [
        "“Berkas rujukan diarsipkan” belum mendukung hasil kerja pejabat penilai Anda.",
        "Indikator “Jumlah berkas” memerlukan angka target dan satuan.",
    ]


def test_full_workflow_submit_return_resubmit_approve(
    plan, world, django_capture_on_commit_callbacks
):
    complete_result(plan.staff, "Berkas rujukan diarsipkan", supports=plan.kasi_result)

    with django_capture_on_commit_callbacks(execute=True):
        skp_submit(skp=plan.staff, actor=world.users["staff"])
        skp_return(
            skp=plan.staff, comment="Target terlalu rendah", actor=world.users["section_head"]
        )
        skp_submit(skp=plan.staff, actor=world.users["staff"])
        fill_expectations(plan.staff)
        skp_approve(skp=plan.staff, approver=world.section_head, actor=world.users["section_head"])

    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.APPROVED
    assert plan.staff.approved_by == world.section_head
    assert plan.staff.assessor_superior_at_approval == world.division_head
    actions = list(
        ActivityLog.objects.filter(object_uuid=plan.staff.uuid, action__startswith="planning.skp_")
        .order_by("id")
        .values_list("action", "reason")
    )
    assert actions == [
        ("planning.skp_create", ""),
        ("planning.skp_submitted", ""),
        ("planning.skp_returned", "Target terlalu rendah"),
        ("planning.skp_submitted", ""),
        ("planning.skp_approved", ""),
    ]
    titles = list(
        Notification.objects.filter(recipient=world.users["staff"]).values_list("title", flat=True)
    )
    assert "SKP Anda telah ditetapkan" in titles


def test_approve_requires_all_expectations(plan):
    complete_result(plan.staff, "Berkas", supports=plan.kasi_result)
    skp_submit(skp=plan.staff)

    with pytest.raises(ApplicationError) as raised:
        skp_approve(skp=plan.staff)

    assert raised.value.extra["problems"] == [
        "Tuliskan ekspektasi pimpinan untuk ketujuh nilai BerAKHLAK (7 belum diisi)."
    ]


def test_return_requires_comment(plan):
    complete_result(plan.staff, "Berkas", supports=plan.kasi_result)
    skp_submit(skp=plan.staff)

    with pytest.raises(ApplicationError):
        skp_return(skp=plan.staff, comment="  ")


def test_approved_skp_cannot_be_edited(plan):
    with pytest.raises(ApplicationError, match="revisi"):
        result_add(skp=plan.kasi, text="Tambahan")


def test_link_to_non_assessor_refused(plan):
    result = result_add(skp=plan.staff, text="Berkas")

    with pytest.raises(ApplicationError, match="Dewi Kasi"):
        link_to_result(result=result, target=plan.kabid_result)

    assert not CascadeLink.objects.filter(result=result).exists()


def test_link_to_unapproved_assessor_skp_explains_what_to_do(plan, world):
    revision = skp_revise(skp=plan.kasi)
    plan.kasi.status = SkpStatus.DRAFT  # simulate a plan that was never approved
    plan.kasi.save()
    result = result_add(skp=plan.staff, text="Berkas")

    with pytest.raises(ApplicationError, match="belum ditetapkan"):
        link_to_result(result=result, target=plan.kasi_result)
    assert revision.status == SkpStatus.DRAFT


def test_link_cycle_refused(plan, world):
    revision = skp_revise(skp=plan.kabid)
    kabid_result = revision.results.get()

    with pytest.raises(ApplicationError):
        link_to_result(result=kabid_result, target=plan.kasi_result)


def test_revision_keeps_earlier_version_until_approved(plan, world):
    revision = skp_revise(skp=plan.kasi)

    assert revision.version == 2
    assert revision.results.get().links.get().supports_result == plan.kabid_result
    plan.kasi.refresh_from_db()
    assert plan.kasi.status == SkpStatus.APPROVED

    skp_submit(skp=revision)
    skp_approve(skp=revision)

    plan.kasi.refresh_from_db()
    assert (plan.kasi.status, revision.status) == (SkpStatus.SUPERSEDED, SkpStatus.APPROVED)


def test_revise_twice_refused(plan):
    skp_revise(skp=plan.kasi)

    with pytest.raises(ApplicationError):
        skp_revise(skp=plan.kasi)


def test_hr_adopts_after_deadline(plan, world):
    complete_result(plan.staff, "Berkas", supports=plan.kasi_result)

    skp_adopt_by_default(skp=plan.staff, reason="Lewat batas waktu", actor=world.users["hr"])

    plan.staff.refresh_from_db()
    assert (plan.staff.status, plan.staff.adopted_by_hr, plan.staff.approved_by) == (
        SkpStatus.APPROVED,
        True,
        None,
    )


def test_hr_cannot_adopt_before_deadline(plan):
    plan.period.planning_deadline = datetime.date(plan.period.year, 12, 31)
    plan.period.save()
    complete_result(plan.staff, "Berkas", supports=plan.kasi_result)

    with pytest.raises(ApplicationError, match="batas waktu perencanaan"):
        skp_adopt_by_default(skp=plan.staff, reason="x")


def test_job_change_closes_old_skp_and_starts_new(plan, world):
    complete_result(plan.staff, "Berkas", supports=plan.kasi_result)
    approved(plan.staff)
    change = datetime.date(plan.period.year, 7, 1)
    assignment_start(employee=world.staff, position=world.positions["peer"], start_date=change)

    skp_close_for_job_change(skp=plan.staff, last_day=change - datetime.timedelta(days=1))
    new = skp_create(employee=world.staff, period=plan.period, on=change)

    assert (new.position.code, new.start_date) == ("PEER", change)
    assert list(
        Skp.objects.filter(employee=world.staff)
        .order_by("start_date")
        .values_list("end_date", flat=True)
    ) == [
        change - datetime.timedelta(days=1),
        plan.period.end_date,
    ]


def test_jpt_results_need_perspective(plan, world):
    revision = skp_revise(skp=plan.kadis)
    result = result_add(skp=revision, text="Tata kelola")
    indicator_add(
        result=result,
        aspect=Aspect.QUALITY,
        text="Indeks",
        target_value=Decimal(3),
        target_unit="nilai",
    )

    problems = skp_problems(revision, for_approval=False)

    assert "“Tata kelola” memerlukan perspektif." in problems
    assert "“Tata kelola” belum mendukung sasaran organisasi." in problems


def test_perspective_refused_for_non_jpt(plan):
    with pytest.raises(ApplicationError):
        result_add(skp=plan.staff, text="x", perspective="budget")
