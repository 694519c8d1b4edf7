"""The planning fixtures (``plan``) reused, and a staff plan with every part of the form."""

from decimal import Decimal

import pytest

from kinerja.planning.enums import AnnexKind, Aspect, ResultKind
from kinerja.planning.services import (
    annex_item_add,
    indicator_add,
    link_to_result,
    result_add,
)
from kinerja.planning.tests import conftest as planning_fixtures

# The planning suite's world of approved plans, as a fixture of this suite too.
plan = planning_fixtures.plan
RESULT_TEXT = "Dokumen rujukan pasien terverifikasi lengkap"


@pytest.fixture
def staff_plan(plan, world):
    """The staff member's complete draft: a main result supporting the Kasi's (three
    indicators), an additional result (one indicator) and one annex item per list."""
    world.agency.city = "Makassar"
    world.agency.save(update_fields=["city"])
    skp = plan.staff
    result = result_add(skp=skp, text=RESULT_TEXT)
    link_to_result(result=result, target=plan.kasi_result)
    for aspect, text, target, unit in [
        (Aspect.QUANTITY, "Jumlah dokumen rujukan yang diverifikasi", 120, "dokumen"),
        (Aspect.QUALITY, "Persentase dokumen tanpa kesalahan", 100, "%"),
        (Aspect.TIME, "Waktu penyelesaian verifikasi", 12, "bulan"),
    ]:
        indicator_add(
            result=result,
            aspect=aspect,
            text=text,
            target_value=Decimal(target),
            target_unit=unit,
        )
    extra = result_add(skp=skp, text="Membantu kegiatan bakti sosial", kind=ResultKind.ADDITIONAL)
    indicator_add(
        result=extra,
        aspect=Aspect.QUANTITY,
        text="Jumlah kegiatan yang diikuti",
        target_value=Decimal(2),
        target_unit="kegiatan",
    )
    annex_item_add(skp=skp, kind=AnnexKind.RESOURCE_SUPPORT, text="Akses aplikasi SISRUTE")
    annex_item_add(skp=skp, kind=AnnexKind.ACCOUNTABILITY, text="Laporan triwulanan")
    annex_item_add(skp=skp, kind=AnnexKind.CONSEQUENCE, text="Apresiasi bila target tercapai")
    return skp
