"""Fixtures of the realisation tests: this year's period with approved SKPs for the
Kasi (assessor of staff and peer) and the staff, whose SKP has a quantity, a time and a
narrative indicator; the staff's report for the window containing today.

A test module makes its fixture with ``build(world)``.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from kinerja.core.clock import today
from kinerja.execution.services.realisation import report_for
from kinerja.planning.enums import Aspect
from kinerja.planning.models import Indicator, PlannedResult
from kinerja.planning.services import (
    goal_create,
    indicator_add,
    period_create,
    skp_create,
)
from kinerja.planning.tests.conftest import approved, complete_result

# Minimal but real files of each kind, as their first bytes make them.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def window_today(period):
    on = today()
    return period.windows.get(start_date__lte=on, end_date__gte=on)


def add_indicators(skp, count: int, *, start: int = 0):
    """``count`` more quantity indicators on a new result of an approved ``skp`` (written
    straight into the tables: an approved SKP is changed only by a revision)."""
    result = PlannedResult.objects.create(skp=skp, text=f"Hasil tambahan {start}", order=5)
    return [
        Indicator.objects.create(
            result=result,
            order=i,
            aspect=Aspect.QUANTITY,
            text=f"Jumlah berkas {start + i}",
            target_value=Decimal(40),
            target_unit="berkas",
        )
        for i in range(count)
    ]


def build(world, *, extra_indicators: bool = True):
    period = period_create(
        agency=world.agency, year=today().year, planning_deadline=today() - datetime.timedelta(1)
    )
    goal = goal_create(period=period, unit=world.health, code="S1", title="Derajat kesehatan")
    kadis = skp_create(employee=world.head_of_office, period=period, on=period.start_date)
    kadis_result = complete_result(
        kadis, "Rujukan meningkat", goal=goal, perspective="service_recipients"
    )
    approved(kadis)
    kabid = skp_create(employee=world.division_head, period=period, on=period.start_date)
    kabid_result = complete_result(kabid, "Rujukan tepat waktu", supports=kadis_result)
    approved(kabid, approver=world.head_of_office)
    kasi = skp_create(employee=world.section_head, period=period, on=period.start_date)
    kasi_result = complete_result(kasi, "Rujukan terverifikasi", supports=kabid_result)
    approved(kasi, approver=world.division_head)
    staff = skp_create(employee=world.staff, period=period, on=period.start_date)
    staff_result = complete_result(staff, "Berkas rujukan lengkap", supports=kasi_result)
    quantity = staff_result.indicators.get()
    time = narrative = None
    if extra_indicators:
        time = indicator_add(
            result=staff_result,
            aspect=Aspect.TIME,
            text="Waktu verifikasi",
            target_value=Decimal(3),
            target_unit="hari",
        )
    approved(staff, approver=world.section_head)
    if extra_indicators:
        # A quantitative SKP needs numbers to be approved; a narrative indicator (as a
        # qualitative SKP has) is added afterwards, straight into the table.
        narrative = Indicator.objects.create(
            result=staff_result,
            aspect=Aspect.QUALITY,
            text="Kualitas berkas",
            target_text="Berkas lengkap dan benar",
            order=9,
        )
    window = window_today(period)
    report = report_for(skp=staff, window=window, actor=world.users["staff"])
    return SimpleNamespace(
        period=period,
        kasi=kasi,
        skp=staff,
        window=window,
        report=report,
        quantity=quantity,
        time=time,
        narrative=narrative,
    )
