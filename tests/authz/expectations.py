"""WHO MAY DO WHAT: the expected outcome of every page and API operation, for every
persona and every ownership case. ``test_authz_matrix.py`` enumerates the URLconf and
the OpenAPI schema; a route missing here fails, with the entry to add.

Personas (rows; the ``world`` fixture in conftest.py):
    anon   anonymous
    emp    employee: world.staff (Eka Staf, Seksi Rujukan)
    asr    assessor: world.section_head (Dewi Kasi), assesses staff and peer
    sup    assessor's superior: world.division_head (Citra Kabid)
    hr     HR admin of agency A (Kota Contoh): world.hr
    ohr    HR admin of agency B (Kabupaten Lain)
    lead   leader over Dinas Kesehatan (agency A), no employee record
    su     superadmin, no employee record

Cases (columns): the object a request is about, reached as ``t`` in the URL builders
(``t.emp``, ``t.unit``, ``t.position``, ``t.agency``, ``t.user``, ``t.token``, ``t.world``;
``authz_objects.py`` makes a capability's objects for a target, e.g. ``skp(t)``):
    own     the persona's own: their employee record, unit, post, login, token
    sub     world.staff: assessed by asr, whose superior is sup; in hr's agency and in
            lead's subtree; for emp it is themselves, so the column says '-'
    unit    world.nurse in the Puskesmas: agency A, outside the staff's chain
    agency  world.other_employee: agency B
    any     (instead of the four) a route about no object

Outcomes (cells):
    ok     allowed: 2xx, or a redirect that is not to a login page; on the API also a
           400/422 problem (a domain rule or validation refusing after the permission check)
    rec    allowed with the private record: 2xx showing the target's email
    dir    directory only: 2xx with the target's name, without their email or phone
    hit    a list or search that includes the target
    miss   a list or search (2xx) without the target or any of their data
    no     denied: 403 or 404 without the target's data; a write changed nothing
    login  redirected to a login page, without data; a write changed nothing
    401    API without credentials: 401 without data; a write changed nothing
    -      the case does not apply (the persona has no such object)
Every cell also means: never a 500.

The Django admin is reserved to staff by Django itself: only its root, ``admin:index``,
is listed; its model pages are not enumerated.
"""

from authz_kit import as_api, operation, page
from authz_objects import (
    annex_item,
    cascade_link,
    document_batch,
    final_evaluation,
    import_job,
    indicator,
    period,
    public_survey,
    result,
    skp,
    survey_unit,
)
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kinerja.core.clock import today
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import (
    CascadeLink,
    IndicatorTemplate,
    OrganisationGoal,
    PlannedResult,
    Skp,
)
from kinerja.planning.services import period_create
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

# Grids shared by routes with the same rule ------------------------------------------------

LOGGED_IN = """
          any
    anon  login
    emp   ok
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  ok
    su    ok
"""
PUBLIC = """
          any
    anon  ok
    emp   ok
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  ok
    su    ok
"""
NOWHERE = """
          any
    anon  no
    emp   no
    asr   no
    sup   no
    hr    no
    ohr   no
    lead  no
    su    no
"""
# org.view_unit and the other directory rules: the agency's own staff, its HR admins
# and leaders, and superadmins.
DIRECTORY_PAGE = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      ok     no
    asr   ok     ok     ok     no
    sup   ok     ok     ok     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
DIRECTORY_API = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   ok     -      ok     no
    asr   ok     ok     ok     no
    sup   ok     ok     ok     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
DIRECTORY_LIST = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   hit    -      hit    miss
    asr   hit    hit    hit    miss
    sup   hit    hit    hit    miss
    hr    hit    hit    hit    miss
    ohr   hit    miss   miss   hit
    lead  -      hit    hit    miss
    su    -      hit    hit    hit
"""
IMPORTERS = """
          any
    anon  login
    emp   no
    asr   no
    sup   no
    hr    ok
    ohr   ok
    lead  no
    su    ok
"""
# Objects of the target's agency that only its agency-wide HR admins handle.
AGENCY_HR = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# planning.view_skp: the employee, their assessor and assessor's superior, HR admins and
# leaders over them, superadmins.
SKP_READERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
# planning.change_skp: the employee, and HR admins over them, may edit the content.
SKP_EDITORS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# planning.submit_skp / revise_skp: the employee alone (superadmins may do anything).
SKP_OWNER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# planning.approve_skp: the employee's assessor on the plan's date (asr for staff).
SKP_ASSESSOR = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     no     no     no
    hr    no     no     no     no
    ohr   no     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# planning.adopt_skp: HR admins over the employee.
SKP_ADOPTERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
EMPLOYEES_ONLY = """
          any
    anon  login
    emp   ok
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  no     # no employee record
    su    no
"""
# A personal API token is its owner's alone: nobody else, not even a superadmin.
OWN_TOKEN_PAGE = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  ok     no     no     no
    su    ok     no     no     no
"""


# --- reporting -----------------------------------------------------------------------
BULK_PAGE = """
          any
    anon  login
    emp   no     # assesses nobody
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  no     # reads only
    su    ok
"""
BULK_UNIT = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
BATCH_OWNER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  ok     no     no     no
    su    ok     ok     ok     ok
"""
BATCH_DOWNLOAD = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  no     no     no     no
    su    ok     ok     ok     ok
"""
COMPLIANCE = """
          any
    anon  login
    emp   no
    asr   no
    sup   no
    hr    ok
    ohr   ok
    lead  ok
    su    ok
"""

# The API names the window: one of the target's agency.
COMPLIANCE_API = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""


def _compliance_url(name: str):
    def build(t):
        # Each agency has a period (with its windows) for the list to default to.
        for agency in (t.world.agency, t.world.other_agency):
            _period_of(t, agency)
        return reverse(name)

    return build


# --- appraisal: organisation results, calibration, policy ----------------------------
# The unit predicates page: the next-higher leaders of some unit (sup leads the section
# from above), and agency-wide HR admins.
ORG_RESULTS_PAGE = """
          any
    anon  login
    emp   no
    asr   no     # heads the section; its result is fixed from above
    sup   ok
    hr    ok
    ohr   ok
    lead  no     # reads only
    su    ok
"""
# appraisal.record_organisation_result on the target's unit: its next-higher leader
# (the assessor of its head) and agency-wide HR admins.
ORG_RESULT_RECORD = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# The calibration screen lists one's own assessees (possibly none); a login with no
# employee record and no HR role has nothing to calibrate.
CALIBRATION_PAGE = """
          any
    anon  login
    emp   ok
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  no
    su    ok
"""
# appraisal.view_distribution on the target's unit: HR over it, assessors of someone in
# it, its next-higher leader.
DISTRIBUTION_UNIT = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   ok     ok     no     no
    sup   no     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# appraisal.calibrate on the target's evaluation: their assessor, HR over their unit,
# never one's own.
CALIBRATE = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     no     no     no
    hr    no     ok     ok     no
    ohr   no     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
POLICY_DATA = {
    "as_expected_from": "85",
    "above_from": "105",
    "achievement_cap": "150",
    "rounding": "nearest",
    "objection_days": "14",
    "decision_days": "14",
}


def _org_record_data(t):
    return {
        "period": str(period(t).uuid),
        "window": "tahunan",
        f"u{t.unit.pk}-predicate": "baik",
        f"u{t.unit.pk}-basis": "Rencana aksi tercapai",
    }


def _org_record_form_url(t):
    url = reverse("appraisal:organisation_result_record", args=[t.unit.uuid])
    return f"{url}?period={period(t).uuid}&window=tahunan"


def _calibration_unit_url(t):
    period(t)
    query = f"?agency={t.unit.agency.uuid}&unit={t.unit.uuid}&window=tahunan"
    return reverse("appraisal:calibration") + query


def _calibration_revise_url(t):
    from authz_objects import rated_evaluation

    return reverse("appraisal:calibration_revise", args=[rated_evaluation(t).uuid])


def _calibration_revise_data(t):
    from authz_objects import rated_evaluation

    prefix = f"e{rated_evaluation(t).pk}"
    return {
        f"{prefix}-results_rating": "above",
        f"{prefix}-behaviour_rating": "as_expected",
        f"{prefix}-justification": "Kalibrasi",
        f"{prefix}-reason": "Rapat kalibrasi",
    }


def _reset_link(t):
    # The emailed link is itself the credential: whoever holds it may set the password.
    user = t.world.users["staff"]
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", args=[uid, token])


def _url(name: str, obj) -> str:
    return reverse(f"planning:{name}", args=[obj.uuid])


def _skp_url(name: str, t) -> str:
    return _url(name, skp(t))


def _unit_export(t):
    period(t)  # the export is of the agency's current period, which must exist
    return reverse("reporting:unit_skp_xlsx", args=[t.unit.uuid])


def _skp_param(t) -> dict:
    return {"uuid": skp(t).uuid}


def _employee_link(t):
    return reverse("org:employee_detail", args=[t.emp.uuid])


# --- planning: cascade and set-up -----------------------------------------------------
# The persona is not known to a URL builder, so the matrix cells are always about the
# assessor's (asr's) result; the cases vary the employee the cell is for.


def _period_of(t, agency):
    return t.once(f"period-{agency.pk}", lambda: period_create(agency=agency, year=today().year))


def _plan_result(t, employee, status=SkpStatus.DRAFT):
    def make():
        period = _period_of(t, t.world.agency)
        skp = Skp.objects.create(
            employee=employee,
            period=period,
            position=employee.assignments.first().position,
            start_date=period.start_date,
            end_date=period.end_date,
            approach=period.approach,
            status=status,
        )
        return PlannedResult.objects.create(skp=skp, text=f"Hasil {employee.nip}")

    return t.once(f"result-{employee.pk}", make)


def _assessor_result(t):
    return _plan_result(t, t.world.section_head, SkpStatus.APPROVED)


def _matrix_cell(t):
    return reverse("planning:matrix_cell", args=[_assessor_result(t).uuid, t.emp.uuid])


def _matrix_link(t):
    # Made directly, as if imported: no service links the result of someone asr does not
    # assess (or asr's own result) to asr's result, yet removing it must be refused too.
    return t.once(
        "link",
        lambda: CascadeLink.objects.create(
            result=_plan_result(t, t.emp), supports_result=_assessor_result(t)
        ),
    )


def _goal(t):
    return t.once(
        "goal",
        lambda: OrganisationGoal.objects.create(
            period=_period_of(t, t.agency), unit=t.unit, code="S-MATRIX", title="Sasaran uji"
        ),
    )


def _template_of(t):
    return t.once(
        "template",
        lambda: IndicatorTemplate.objects.create(
            agency=t.agency,
            field="Uji",
            result_text="Hasil uji",
            indicator_text="Indikator uji",
            aspect="quality",
        ),
    )


# Who may read the set-up of the target's agency (HR admins and leaders) and who may
# change it (agency-wide HR admins; leaders also for goals of units they cover).
SETUP_READERS = """
          any
    anon  login
    emp   no
    asr   no
    sup   no
    hr    ok
    ohr   ok
    lead  ok
    su    ok
"""
SETUP_HR = """
          any
    anon  login
    emp   no
    asr   no
    sup   no
    hr    ok
    ohr   ok
    lead  no
    su    ok
"""
AGENCY_SETUP_READ = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
AGENCY_SETUP_HR = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""


# surveys.view_results: HR admins and leaders whose scope covers the survey's unit.
SURVEY_READERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
# surveys.manage_survey: HR admins whose scope covers the survey's unit.
SURVEY_MANAGERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""


def _survey_results_url(name, *args):
    return lambda t: reverse(name, args=[survey_unit(t).uuid, *args])


def _survey_param(t):
    return {"uuid": survey_unit(t).uuid}


RULES = {
    # --- web ---------------------------------------------------------------------------
    "web:home": page(LOGGED_IN, url="/"),
    "web:guide": page(PUBLIC, url=lambda t: reverse("web:guide")),
    "web:healthz": page(PUBLIC, url=lambda t: reverse("web:healthz")),
    "set_language": page(PUBLIC, url="/i18n/setlang/", method="POST", data={"language": "en"}),
    "admin:index": page(
        """
              any
        anon  login
        emp   login
        asr   login
        sup   login
        hr    login
        ohr   login
        lead  login
        su    ok
        """,
        url="/admin/",
    ),
    # --- accounts ----------------------------------------------------------------------
    "accounts:login": page(PUBLIC, url=lambda t: reverse("accounts:login")),
    "accounts:logout": page(
        """
              any
        anon  login
        emp   login
        asr   login
        sup   login
        hr    login
        ohr   login
        lead  login
        su    login
        """,
        url=lambda t: reverse("accounts:logout"),
        method="POST",
    ),
    "accounts:password_change": page(LOGGED_IN, url=lambda t: reverse("accounts:password_change")),
    "accounts:password_reset": page(PUBLIC, url=lambda t: reverse("accounts:password_reset")),
    "accounts:password_reset_done": page(
        PUBLIC, url=lambda t: reverse("accounts:password_reset_done")
    ),
    "accounts:password_reset_confirm": page(PUBLIC, url=_reset_link),
    "accounts:api_tokens": (
        page(LOGGED_IN, url=lambda t: reverse("accounts:api_tokens")),
        page(
            LOGGED_IN,
            url=lambda t: reverse("accounts:api_tokens"),
            method="POST",
            data={"name": "matrix"},
        ),
    ),
    "accounts:api_token_revoke": page(
        OWN_TOKEN_PAGE,
        url=lambda t: reverse("accounts:api_token_revoke", args=[t.token.uuid]),
        method="POST",
    ),
    # --- organisation ------------------------------------------------------------------
    "org:unit_tree": page(LOGGED_IN, url=lambda t: reverse("org:unit_tree")),
    "org:unit_detail": page(
        DIRECTORY_PAGE, url=lambda t: reverse("org:unit_detail", args=[t.unit.uuid])
    ),
    "org:unit_children": page(
        DIRECTORY_PAGE, url=lambda t: reverse("org:unit_children", args=[t.unit.uuid])
    ),
    "org:employee_search": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   hit    -      hit    miss
        asr   hit    hit    hit    miss
        sup   hit    hit    hit    miss
        hr    hit    hit    hit    miss
        ohr   hit    miss   miss   hit
        lead  -      hit    hit    miss
        su    -      hit    hit    hit
        """,
        url=lambda t: reverse("org:employee_search"),
        query=lambda t: {"q": t.emp.nip},
        marker=_employee_link,
    ),
    # org.view_employee (directory) and, for the record, org.view_employee_record: self,
    # assessor, assessor's superior, HR and leaders over the employee's unit.
    "org:employee_detail": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   rec    -      dir    no
        asr   rec    rec    dir    no
        sup   rec    rec    dir    no
        hr    rec    rec    rec    no
        ohr   rec    no     no     rec
        lead  -      rec    rec    no
        su    -      rec    rec    rec
        """,
        url=_employee_link,
    ),
    "org:my_profile": page(
        """
              any
        anon  login
        emp   ok
        asr   ok
        sup   ok
        hr    ok
        ohr   ok
        lead  no     # no employee record, so no profile
        su    no
        """,
        url=lambda t: reverse("org:my_profile"),
    ),
    # The employees the persona assesses today: asr assesses staff; sup assesses asr.
    "org:my_team": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   miss   -      miss   miss
        asr   miss   hit    miss   miss
        sup   miss   miss   miss   miss
        hr    miss   miss   miss   miss
        ohr   miss   miss   miss   miss
        lead  -      miss   miss   miss
        su    -      miss   miss   miss
        """,
        url=lambda t: reverse("org:my_team"),
        marker=_employee_link,
    ),
    # org.import_data: the agency-wide HR admins of the agency, and superadmins.
    "org:import": (
        page(IMPORTERS, url=lambda t: reverse("org:import")),
        page(IMPORTERS, url=lambda t: reverse("org:import"), method="POST", data={}),
    ),
    "org:import_template": page(
        IMPORTERS, url=lambda t: reverse("org:import_template", args=["pegawai.csv"])
    ),
    "org:import_job": page(
        AGENCY_HR,
        url=lambda t: reverse("org:import_job", args=[import_job(t).uuid]),
        marker=lambda t: import_job(t).files[0]["name"],
    ),
    "org:import_confirm": page(
        AGENCY_HR,
        url=lambda t: reverse("org:import_confirm", args=[import_job(t).uuid]),
        method="POST",
    ),
    "org:import_cancel": page(
        AGENCY_HR,
        url=lambda t: reverse("org:import_cancel", args=[import_job(t).uuid]),
        method="POST",
    ),
    # --- planning: cascade ------------------------------------------------------------
    "planning:matrix": page(LOGGED_IN, url=lambda t: reverse("planning:matrix")),
    # planning.distribute_results: only the assessor, for the people they assess today.
    "planning:matrix_cell": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   no     -      no     no
        asr   no     ok     no     no
        sup   no     no     no     no
        hr    no     no     no     no
        ohr   no     no     no     no
        lead  -      no     no     no
        su    -      no     no     no
        """,
        url=_matrix_cell,
        method="POST",
        data={"text": "Peran uji"},
    ),
    "planning:matrix_unlink": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   no     -      no     no
        asr   no     ok     no     no
        sup   no     no     no     no
        hr    no     no     no     no
        ohr   no     no     no     no
        lead  -      no     no     no
        su    -      no     no     no
        """,
        url=lambda t: reverse("planning:matrix_unlink", args=[_matrix_link(t).uuid]),
        method="POST",
    ),
    # A goal of the target's unit: the agency's employees, and HR admins and leaders
    # whose scope covers the unit.
    "planning:cascade": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   ok     -      ok     no
        asr   ok     ok     ok     no
        sup   ok     ok     ok     no
        hr    ok     ok     ok     no
        ohr   ok     no     no     ok
        lead  -      ok     ok     no
        su    -      ok     ok     ok
        """,
        url=lambda t: reverse("planning:cascade"),
        query=lambda t: {"goal": str(_goal(t).uuid)},
    ),
    "planning:unlinked": (
        page(SETUP_HR, url=lambda t: reverse("planning:unlinked")),
        # planning.view_unit_plans on the unit asked for.
        page(
            AGENCY_SETUP_READ,
            url=lambda t: reverse("planning:unlinked"),
            query=lambda t: {"unit": str(t.unit.uuid)},
        ),
    ),
    # --- planning: set-up -------------------------------------------------------------
    "planning:period_list": page(SETUP_READERS, url=lambda t: reverse("planning:period_list")),
    # planning.manage_period: agency-wide HR admins.
    "planning:period_create": (
        page(SETUP_HR, url=lambda t: reverse("planning:period_create")),
        page(SETUP_HR, url=lambda t: reverse("planning:period_create"), method="POST", data={}),
    ),
    "planning:period_edit": (
        page(
            AGENCY_SETUP_HR,
            url=lambda t: reverse("planning:period_edit", args=[_period_of(t, t.agency).uuid]),
        ),
        page(
            AGENCY_SETUP_HR,
            url=lambda t: reverse("planning:period_edit", args=[_period_of(t, t.agency).uuid]),
            method="POST",
            data={"approach": "qualitative"},
        ),
    ),
    "planning:goal_list": page(
        AGENCY_SETUP_READ,
        url=lambda t: reverse("planning:goal_list", args=[_period_of(t, t.agency).uuid]),
    ),
    # planning.manage_goal: agency-wide HR admins, and leaders over the goal's unit.
    "planning:goal_create": (
        page(
            AGENCY_SETUP_READ,
            url=lambda t: reverse("planning:goal_create", args=[_period_of(t, t.agency).uuid]),
        ),
        page(
            AGENCY_SETUP_READ,
            url=lambda t: reverse("planning:goal_create", args=[_period_of(t, t.agency).uuid]),
            method="POST",
            data={},
        ),
    ),
    "planning:goal_edit": (
        page(AGENCY_SETUP_READ, url=lambda t: reverse("planning:goal_edit", args=[_goal(t).uuid])),
        page(
            AGENCY_SETUP_READ,
            url=lambda t: reverse("planning:goal_edit", args=[_goal(t).uuid]),
            method="POST",
            data={"title": "Diubah"},
        ),
    ),
    "planning:goal_delete": page(
        AGENCY_SETUP_READ,
        url=lambda t: reverse("planning:goal_delete", args=[_goal(t).uuid]),
        method="POST",
    ),
    # Every login reads the library; planning.manage_library: the agency's HR admins
    # (national suggestions: superadmins only).
    "planning:library": page(LOGGED_IN, url=lambda t: reverse("planning:library")),
    "planning:library_create": (
        page(SETUP_HR, url=lambda t: reverse("planning:library_create")),
        page(SETUP_HR, url=lambda t: reverse("planning:library_create"), method="POST", data={}),
    ),
    "planning:library_edit": (
        page(
            AGENCY_SETUP_HR,
            url=lambda t: reverse("planning:library_edit", args=[_template_of(t).uuid]),
        ),
        page(
            AGENCY_SETUP_HR,
            url=lambda t: reverse("planning:library_edit", args=[_template_of(t).uuid]),
            method="POST",
            data={"field": "Diubah"},
        ),
    ),
    "planning:library_set_active": page(
        AGENCY_SETUP_HR,
        url=lambda t: reverse("planning:library_set_active", args=[_template_of(t).uuid]),
        method="POST",
        data={"active": "0"},
    ),
    # --- planning: the SKP and its workflow -----------------------------------------
    "planning:my_skp": page(EMPLOYEES_ONLY, url=lambda t: reverse("planning:my_skp")),
    "planning:skp_create": page(
        EMPLOYEES_ONLY, url=lambda t: reverse("planning:skp_create"), method="POST"
    ),
    # The SKPs of the people the persona assesses today.
    "planning:team": page(
        """
              own    sub    unit   agency
        anon  -      login  login  login
        emp   miss   -      miss   miss
        asr   miss   hit    miss   miss
        sup   miss   miss   miss   miss
        hr    miss   miss   miss   miss
        ohr   miss   miss   miss   miss
        lead  -      miss   miss   miss
        su    -      miss   miss   miss
        """,
        url=lambda t: reverse("planning:team"),
        marker=lambda t: t.emp.full_name,
    ),
    "planning:skp_detail": page(SKP_READERS, url=lambda t: _skp_url("skp_detail", t)),
    "planning:skp_submit": page(SKP_OWNER, url=lambda t: _skp_url("skp_submit", t), method="POST"),
    "planning:skp_revise": page(SKP_OWNER, url=lambda t: _skp_url("skp_revise", t), method="POST"),
    "planning:skp_approve": page(
        SKP_ASSESSOR, url=lambda t: _skp_url("skp_approve", t), method="POST"
    ),
    "planning:skp_return": page(
        SKP_ASSESSOR, url=lambda t: _skp_url("skp_return", t), method="POST"
    ),
    "planning:skp_adopt": page(SKP_ADOPTERS, url=lambda t: _skp_url("skp_adopt", t), method="POST"),
    # --- planning: the SKP's content ---------------------------------------------------
    "planning:result_add": (
        page(SKP_EDITORS, url=lambda t: _skp_url("result_add", t)),
        page(SKP_EDITORS, url=lambda t: _skp_url("result_add", t), method="POST"),
    ),
    "planning:skp_library": page(SKP_EDITORS, url=lambda t: _skp_url("skp_library", t)),
    "planning:annex_add": (
        page(SKP_EDITORS, url=lambda t: _skp_url("annex_add", t)),
        page(SKP_EDITORS, url=lambda t: _skp_url("annex_add", t), method="POST"),
    ),
    "planning:expectations_edit": (
        page(SKP_ASSESSOR, url=lambda t: _skp_url("expectations_edit", t)),
        page(SKP_ASSESSOR, url=lambda t: _skp_url("expectations_edit", t), method="POST"),
    ),
    "planning:result_edit": (
        page(SKP_EDITORS, url=lambda t: _url("result_edit", result(t))),
        page(SKP_EDITORS, url=lambda t: _url("result_edit", result(t)), method="POST"),
    ),
    "planning:result_delete": page(
        SKP_EDITORS, url=lambda t: _url("result_delete", result(t)), method="POST"
    ),
    "planning:indicator_add": (
        page(SKP_EDITORS, url=lambda t: _url("indicator_add", result(t))),
        page(SKP_EDITORS, url=lambda t: _url("indicator_add", result(t)), method="POST"),
    ),
    "planning:result_link": (
        page(SKP_EDITORS, url=lambda t: _url("result_link", result(t))),
        page(SKP_EDITORS, url=lambda t: _url("result_link", result(t)), method="POST"),
    ),
    "planning:indicator_edit": (
        page(SKP_EDITORS, url=lambda t: _url("indicator_edit", indicator(t))),
        page(SKP_EDITORS, url=lambda t: _url("indicator_edit", indicator(t)), method="POST"),
    ),
    "planning:indicator_delete": page(
        SKP_EDITORS, url=lambda t: _url("indicator_delete", indicator(t)), method="POST"
    ),
    "planning:link_delete": page(
        SKP_EDITORS, url=lambda t: _url("link_delete", cascade_link(t)), method="POST"
    ),
    "planning:annex_edit": (
        page(SKP_EDITORS, url=lambda t: _url("annex_edit", annex_item(t))),
        page(SKP_EDITORS, url=lambda t: _url("annex_edit", annex_item(t)), method="POST"),
    ),
    "planning:annex_delete": page(
        SKP_EDITORS, url=lambda t: _url("annex_delete", annex_item(t)), method="POST"
    ),
    # --- reporting: documents -----------------------------------------------------------
    "reporting:skp_pdf": page(
        SKP_READERS, url=lambda t: reverse("reporting:skp_pdf", args=[skp(t).uuid])
    ),
    # planning.view_unit_plans on the unit exported.
    "reporting:unit_skp_xlsx": page(AGENCY_SETUP_READ, url=_unit_export),
    # --- reporting: evaluation documents, bulk jobs, compliance ---------------------
    # reporting.download_evaluation of a final evaluation: the readers of the SKP.
    "reporting:evaluation_pdf": page(
        SKP_READERS,
        url=lambda t: reverse("reporting:evaluation_pdf", args=[final_evaluation(t).uuid]),
    ),
    # The bulk page: HR admins and assessors (who print their assessees' documents).
    "reporting:batch_list": (
        page(BULK_PAGE, url=lambda t: reverse("reporting:batch_list")),
        # reporting.bulk_documents on the unit posted: HR over it, an assessor with
        # assessees in it. A unit with nothing to print is refused by a form error (ok).
        page(
            BULK_UNIT,
            url=lambda t: reverse("reporting:batch_list"),
            method="POST",
            data=lambda t: {"unit": str(t.unit.uuid), "window": f"y:{period(t).uuid}"},
        ),
    ),
    # A batch is its requester's (superadmins see all); downloading also needs
    # reporting.bulk_documents on its unit (the persona's own unit for own).
    "reporting:batch_detail": page(
        BATCH_OWNER,
        url=lambda t: reverse("reporting:batch_detail", args=[document_batch(t).uuid]),
    ),
    "reporting:batch_download": page(
        BATCH_DOWNLOAD,
        url=lambda t: reverse("reporting:batch_download", args=[document_batch(t).uuid]),
    ),
    # reporting.view_compliance: HR admins and leaders of the agency.
    "reporting:compliance": page(COMPLIANCE, url=_compliance_url("reporting:compliance")),
    "reporting:compliance_csv": page(COMPLIANCE, url=_compliance_url("reporting:compliance_csv")),
    "reporting:compliance_xlsx": page(COMPLIANCE, url=_compliance_url("reporting:compliance_xlsx")),
    # --- appraisal: organisation results, calibration, policy -------------------
    "appraisal:organisation_results": page(
        ORG_RESULTS_PAGE, url=lambda t: reverse("appraisal:organisation_results")
    ),
    "appraisal:organisation_result_record": (
        page(ORG_RESULT_RECORD, url=_org_record_form_url),
        page(
            ORG_RESULT_RECORD,
            url=lambda t: reverse("appraisal:organisation_result_record", args=[t.unit.uuid]),
            method="POST",
            data=_org_record_data,
        ),
    ),
    "appraisal:calibration": (
        page(CALIBRATION_PAGE, url=lambda t: reverse("appraisal:calibration")),
        page(DISTRIBUTION_UNIT, url=_calibration_unit_url),
    ),
    "appraisal:calibration_revise": page(
        CALIBRATE, url=_calibration_revise_url, method="POST", data=_calibration_revise_data
    ),
    # appraisal.manage_policy: agency-wide HR admins of the agency shown.
    "appraisal:policy": (
        page(SETUP_HR, url=lambda t: reverse("appraisal:policy")),
        page(SETUP_HR, url=lambda t: reverse("appraisal:policy"), method="POST", data=POLICY_DATA),
    ),
    # --- API: organisation results, distribution, policy -------------------------
    "GET /api/v1/units/{uuid}/organisation-results": operation(
        as_api(DISTRIBUTION_UNIT),
        params=lambda t: {"uuid": t.unit.uuid},
        query=lambda t: {"period": str(period(t).uuid)},
    ),
    "POST /api/v1/units/{uuid}/organisation-results": operation(
        as_api(ORG_RESULT_RECORD),
        params=lambda t: {"uuid": t.unit.uuid},
        data=lambda t: {"period": str(period(t).uuid), "predicate": "baik", "basis": "IKU"},
    ),
    "GET /api/v1/units/{uuid}/distribution": operation(
        as_api(DISTRIBUTION_UNIT),
        params=lambda t: {"uuid": t.unit.uuid},
        query=lambda t: {"period": str(period(t).uuid)},
    ),
    # org.view_agency: the policy is shown in every recommendation's why panel.
    "GET /api/v1/agencies/{uuid}/assessment-policy": operation(
        DIRECTORY_API, params=lambda t: {"uuid": t.agency.uuid}
    ),
    "PUT /api/v1/agencies/{uuid}/assessment-policy": operation(
        as_api(AGENCY_SETUP_HR), params=lambda t: {"uuid": t.agency.uuid}, data=POLICY_DATA
    ),
    # --- API: description and fallback ------------------------------------------------
    # The API's description is public; it holds no data.
    "api-v1:openapi-json": page(PUBLIC, url="/api/v1/openapi.json"),
    "api-v1:openapi-view": page(PUBLIC, url="/api/v1/docs"),
    # django-ninja's root only anchors the API's paths and always answers 404, like an
    # unknown path under the API.
    "api-v1:api-root": page(NOWHERE, url="/api/v1/"),
    "path:api/v1/^.*$": page(NOWHERE, url="/api/v1/no-such-path"),
    # --- API: evaluation documents, bulk jobs, compliance -------------------------
    "GET /api/v1/evaluations/{uuid}/pdf": operation(
        as_api(SKP_READERS), params=lambda t: {"uuid": final_evaluation(t).uuid}
    ),
    # Nothing to print in the target's unit: allowed personas get a 400 problem (ok).
    "POST /api/v1/document-batches": operation(
        as_api(BULK_UNIT),
        data=lambda t: {"unit": str(t.unit.uuid), "period": str(period(t).uuid)},
    ),
    "GET /api/v1/document-batches/{uuid}": operation(
        as_api(BATCH_OWNER), params=lambda t: {"uuid": document_batch(t).uuid}
    ),
    # A queued job's zip is a 400 problem for those who may download it (ok).
    "GET /api/v1/document-batches/{uuid}/zip": operation(
        as_api(BATCH_DOWNLOAD), params=lambda t: {"uuid": document_batch(t).uuid}
    ),
    "GET /api/v1/compliance/not-reported": operation(
        COMPLIANCE_API, query=lambda t: {"window": str(period(t).windows.first().uuid)}
    ),
    "GET /api/v1/compliance/not-assessed": operation(
        COMPLIANCE_API, query=lambda t: {"window": str(period(t).windows.first().uuid)}
    ),
    # --- API: organisation ------------------------------------------------------------
    "GET /api/v1/me": operation(
        """
              any
        anon  401
        emp   ok
        asr   ok
        sup   ok
        hr    ok
        ohr   ok
        lead  ok
        su    ok
        """
    ),
    "GET /api/v1/agencies": operation(DIRECTORY_LIST, marker=lambda t: str(t.agency.uuid)),
    "GET /api/v1/units": operation(DIRECTORY_LIST, marker=lambda t: str(t.unit.uuid)),
    "GET /api/v1/units/{uuid}": operation(DIRECTORY_API, params=lambda t: {"uuid": t.unit.uuid}),
    "GET /api/v1/positions": operation(
        DIRECTORY_LIST,
        query=lambda t: {"unit": str(t.unit.uuid)},
        marker=lambda t: str(t.position.uuid),
    ),
    "GET /api/v1/positions/{uuid}": operation(
        DIRECTORY_API, params=lambda t: {"uuid": t.position.uuid}
    ),
    "GET /api/v1/employees": operation(
        DIRECTORY_LIST, query=lambda t: {"q": t.emp.nip}, marker=lambda t: str(t.emp.uuid)
    ),
    # The API has no private record: it shows everyone the directory entry only.
    "GET /api/v1/employees/{uuid}": operation(
        """
              own    sub    unit   agency
        anon  -      401    401    401
        emp   dir    -      dir    no
        asr   dir    dir    dir    no
        sup   dir    dir    dir    no
        hr    dir    dir    dir    no
        ohr   dir    no     no     dir
        lead  -      dir    dir    no
        su    -      dir    dir    dir
        """,
        params=lambda t: {"uuid": t.emp.uuid},
    ),
    "GET /api/v1/employees/{uuid}/superiors": operation(
        DIRECTORY_API, params=lambda t: {"uuid": t.emp.uuid}
    ),
    # --- API: personal tokens ---------------------------------------------------------
    "GET /api/v1/tokens": operation(
        """
              own    sub    unit   agency
        anon  -      401    401    401
        emp   hit    -      miss   miss
        asr   hit    miss   miss   miss
        sup   hit    miss   miss   miss
        hr    hit    miss   miss   miss
        ohr   hit    miss   miss   miss
        lead  hit    miss   miss   miss
        su    hit    miss   miss   miss
        """,
        marker=lambda t: str(t.token.uuid),
    ),
    "POST /api/v1/tokens": operation(
        """
              any
        anon  401
        emp   ok
        asr   ok
        sup   ok
        hr    ok
        ohr   ok
        lead  ok
        su    ok
        """,
        data={"name": "matrix"},
    ),
    "DELETE /api/v1/tokens/{uuid}": operation(
        """
              own    sub    unit   agency
        anon  -      401    401    401
        emp   ok     -      no     no
        asr   ok     no     no     no
        sup   ok     no     no     no
        hr    ok     no     no     no
        ohr   ok     no     no     no
        lead  ok     no     no     no
        su    ok     no     no     no
        """,
        params=lambda t: {"uuid": t.token.uuid},
    ),
    # --- API: planning (the same rules as the pages) ----------------------------------
    "GET /api/v1/periods": operation(
        DIRECTORY_LIST,
        query=lambda t: {"agency": str(t.agency.uuid)},
        marker=lambda t: str(period(t).uuid),
    ),
    "GET /api/v1/periods/{uuid}/goals": operation(
        DIRECTORY_API, params=lambda t: {"uuid": period(t).uuid}
    ),
    "GET /api/v1/library": operation(
        DIRECTORY_LIST,
        query=lambda t: {"agency": str(t.agency.uuid)},
        marker=lambda t: str(_template_of(t).uuid),
    ),
    "GET /api/v1/skps": operation(
        """
              own    sub    unit   agency
        anon  -      401    401    401
        emp   hit    -      miss   miss
        asr   hit    hit    miss   miss
        sup   hit    hit    miss   miss
        hr    hit    hit    hit    miss
        ohr   hit    miss   miss   hit
        lead  -      hit    hit    miss
        su    -      hit    hit    hit
        """,
        marker=lambda t: str(skp(t).uuid),
    ),
    "POST /api/v1/skps": operation(
        """
              any
        anon  401
        emp   ok
        asr   ok
        sup   ok
        hr    ok
        ohr   ok
        lead  ok     # refused with 400: only an employee starts an SKP
        su    ok
        """,
        data={},
    ),
    "GET /api/v1/skps/{uuid}": operation(as_api(SKP_READERS), params=_skp_param),
    "GET /api/v1/skps/{uuid}/link-targets": operation(as_api(SKP_READERS), params=_skp_param),
    "POST /api/v1/skps/{uuid}/results": operation(
        as_api(SKP_EDITORS), params=_skp_param, data={"text": "RHK baru"}
    ),
    "PATCH /api/v1/results/{uuid}": operation(
        as_api(SKP_EDITORS), params=lambda t: {"uuid": result(t).uuid}, data={"text": "RHK ubah"}
    ),
    "DELETE /api/v1/results/{uuid}": operation(
        as_api(SKP_EDITORS), params=lambda t: {"uuid": result(t).uuid}
    ),
    "POST /api/v1/results/{uuid}/indicators": operation(
        as_api(SKP_EDITORS),
        params=lambda t: {"uuid": result(t).uuid},
        data={"aspect": "quantity", "text": "IKI baru", "target_value": "5", "target_unit": "kali"},
    ),
    "PATCH /api/v1/indicators/{uuid}": operation(
        as_api(SKP_EDITORS),
        params=lambda t: {"uuid": indicator(t).uuid},
        data={"text": "IKI ubah"},
    ),
    "DELETE /api/v1/indicators/{uuid}": operation(
        as_api(SKP_EDITORS), params=lambda t: {"uuid": indicator(t).uuid}
    ),
    # The service refuses a link to anything but the assessor's result (400), after the
    # permission check this grid is about.
    "POST /api/v1/results/{uuid}/links": operation(
        as_api(SKP_EDITORS),
        params=lambda t: {"uuid": result(t).uuid},
        data=lambda t: {"supports_result": str(result(t).uuid)},
    ),
    "DELETE /api/v1/links/{uuid}": operation(
        as_api(SKP_EDITORS), params=lambda t: {"uuid": cascade_link(t).uuid}
    ),
    "POST /api/v1/skps/{uuid}/annex": operation(
        as_api(SKP_EDITORS),
        params=_skp_param,
        data={"kind": "resource_support", "text": "Laptop"},
    ),
    "PATCH /api/v1/annex/{uuid}": operation(
        as_api(SKP_EDITORS),
        params=lambda t: {"uuid": annex_item(t).uuid},
        data={"text": "Laptop baru"},
    ),
    "DELETE /api/v1/annex/{uuid}": operation(
        as_api(SKP_EDITORS), params=lambda t: {"uuid": annex_item(t).uuid}
    ),
    "PUT /api/v1/skps/{uuid}/expectations": operation(
        as_api(SKP_ASSESSOR),
        params=_skp_param,
        data={"expectations": [{"core_value": CORE_VALUE_CODES[0], "text": "Melayani"}]},
    ),
    "POST /api/v1/skps/{uuid}/submit": operation(as_api(SKP_OWNER), params=_skp_param),
    "POST /api/v1/skps/{uuid}/revise": operation(as_api(SKP_OWNER), params=_skp_param),
    "POST /api/v1/skps/{uuid}/approve": operation(as_api(SKP_ASSESSOR), params=_skp_param),
    "POST /api/v1/skps/{uuid}/return": operation(
        as_api(SKP_ASSESSOR), params=_skp_param, data={"comment": "Lengkapi indikator"}
    ),
    "POST /api/v1/skps/{uuid}/adopt": operation(
        as_api(SKP_ADOPTERS), params=_skp_param, data={"reason": "Lewat tenggat"}
    ),
    # The persona's assessees, with their plans in the period.
    "GET /api/v1/team": operation(
        """
              own    sub    unit   agency
        anon  -      401    401    401
        emp   miss   -      miss   miss
        asr   miss   hit    miss   miss
        sup   miss   miss   miss   miss
        hr    miss   miss   miss   miss
        ohr   miss   miss   miss   miss
        lead  -      miss   miss   miss
        su    -      miss   miss   miss
        """,
        query=lambda t: {"period": str(period(t).uuid)},
        marker=lambda t: str(t.emp.uuid),
    ),
    # --- surveys: public satisfaction survey ---------------------------------------
    "surveys:list": page(
        """
              any
        anon  login
        emp   no
        asr   no
        sup   no
        hr    ok
        ohr   ok
        lead  ok
        su    ok
        """,
        url=lambda t: reverse("surveys:list"),
    ),
    "surveys:create": page(
        """
              any
        anon  login
        emp   no
        asr   no
        sup   no
        hr    ok
        ohr   ok
        lead  no
        su    ok
        """,
        url=lambda t: reverse("surveys:create"),
    ),
    "surveys:results": page(SURVEY_READERS, url=_survey_results_url("surveys:results")),
    "surveys:edit": page(SURVEY_MANAGERS, url=_survey_results_url("surveys:edit")),
    "surveys:period_create": page(
        SURVEY_MANAGERS, url=_survey_results_url("surveys:period_create")
    ),
    "surveys:poster": page(SURVEY_READERS, url=_survey_results_url("surveys:poster", "png")),
    "surveys:export_answers": page(
        SURVEY_READERS, url=_survey_results_url("surveys:export_answers", "csv")
    ),
    "surveys:export_results": page(
        SURVEY_READERS, url=_survey_results_url("surveys:export_results", "xlsx")
    ),
    "surveys:report": page(SURVEY_READERS, url=_survey_results_url("surveys:report")),
    "surveys:public_form": page(
        PUBLIC, url=lambda t: reverse("surveys:public_form", args=[public_survey(t).slug])
    ),
    "surveys:public_thanks": page(
        PUBLIC, url=lambda t: reverse("surveys:public_thanks", args=[public_survey(t).slug])
    ),
    "GET /api/v1/surveys/form": operation(PUBLIC, query=lambda t: {"slug": public_survey(t).slug}),
    # Without a token from the form the submission is refused (a 400 problem), and counted.
    "POST /api/v1/surveys/responses": operation(
        PUBLIC,
        data=lambda t: {
            "slug": public_survey(t).slug,
            "answers": {f"u{n}": 4 for n in range(1, 10)},
        },
    ),
    "GET /api/v1/survey-units": operation(as_api(LOGGED_IN)),
    "POST /api/v1/survey-units": operation(
        as_api(SURVEY_MANAGERS),
        data=lambda t: {"unit": str(t.unit.uuid), "slug": f"matrix-{t.unit.pk}"},
    ),
    "GET /api/v1/survey-units/{uuid}": operation(as_api(SURVEY_READERS), params=_survey_param),
    "PATCH /api/v1/survey-units/{uuid}": operation(
        as_api(SURVEY_MANAGERS), params=_survey_param, data={"population_served": 77}
    ),
    "GET /api/v1/survey-units/{uuid}/periods": operation(
        as_api(SURVEY_READERS), params=_survey_param
    ),
    "POST /api/v1/survey-units/{uuid}/periods": operation(
        as_api(SURVEY_MANAGERS),
        params=_survey_param,
        data=lambda t: {
            "name": "Triwulan berikut",
            "start_date": f"{today().year + 1}-01-01",
            "end_date": f"{today().year + 1}-03-31",
        },
    ),
    "GET /api/v1/survey-units/{uuid}/results": operation(
        as_api(SURVEY_READERS), params=_survey_param
    ),
}


# --- multirater: 360° feedback rounds --------------------------------------
# Rounds are over the target's unit; the form is the target's own self-assessment.
from authz_objects import multirater_round, multirater_subject, multirater_task  # noqa: E402

from kinerja.regulation.berakhlak import CORE_VALUE_CODES as _VALUES  # noqa: E402

# multirater.answer: the rater alone (not even a superadmin answers for someone).
MULTIRATER_RATER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  -      no     no     no
    su    -      no     no     no
"""
# multirater.view_summary: the employee, the assessor, the assessor's superior, HR over them.
MULTIRATER_SUMMARY = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# The forms asked of the persona: in a round over the staff's section, the assessor and
# the assessor's superior are asked too (they rate the staff and the section head).
MULTIRATER_TASKS = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   hit    -      miss   miss
    asr   hit    hit    miss   miss
    sup   hit    hit    miss   miss
    hr    hit    miss   miss   miss
    ohr   hit    miss   miss   hit
    lead  -      miss   miss   miss
    su    -      miss   miss   miss
"""
MULTIRATER_ROUND_LIST = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   miss   -      miss   miss
    asr   miss   miss   miss   miss
    sup   miss   miss   miss   miss
    hr    hit    hit    hit    miss
    ohr   hit    miss   miss   hit
    lead  -      miss   miss   miss
    su    -      hit    hit    hit
"""


def _mr_round_url(name):
    return lambda t: reverse(f"multirater:{name}", args=[multirater_round(t).uuid])


def _mr_round_param(t):
    return {"uuid": multirater_round(t).uuid}


_MR_ANSWER = {"scores": dict.fromkeys(_VALUES, 4), "comments": {"overall": "Matriks"}}

RULES.update(
    {
        "multirater:my_tasks": page(EMPLOYEES_ONLY, url=lambda t: reverse("multirater:my_tasks")),
        "multirater:answer": (
            page(
                MULTIRATER_RATER,
                url=lambda t: reverse("multirater:answer", args=[multirater_task(t).uuid]),
            ),
            page(
                MULTIRATER_RATER,
                url=lambda t: reverse("multirater:answer", args=[multirater_task(t).uuid]),
                method="POST",
                data=dict.fromkeys(_VALUES, "4"),
            ),
        ),
        "multirater:round_list": page(SETUP_HR, url=lambda t: reverse("multirater:round_list")),
        "multirater:round_create": (
            page(SETUP_HR, url=lambda t: reverse("multirater:round_create")),
            page(
                SETUP_HR, url=lambda t: reverse("multirater:round_create"), method="POST", data={}
            ),
        ),
        "multirater:round_detail": page(AGENCY_HR, url=_mr_round_url("round_detail")),
        "multirater:round_start": page(AGENCY_HR, url=_mr_round_url("round_start"), method="POST"),
        "multirater:round_remind": page(
            AGENCY_HR, url=_mr_round_url("round_remind"), method="POST"
        ),
        "multirater:round_close": page(AGENCY_HR, url=_mr_round_url("round_close"), method="POST"),
        "multirater:subject_raters": (
            page(
                AGENCY_HR,
                url=lambda t: reverse(
                    "multirater:subject_raters", args=[multirater_subject(t).uuid]
                ),
            ),
            page(
                AGENCY_HR,
                url=lambda t: reverse(
                    "multirater:subject_raters", args=[multirater_subject(t).uuid]
                ),
                method="POST",
                data={},
            ),
        ),
        "multirater:rater_remove": page(
            AGENCY_HR,
            url=lambda t: reverse("multirater:rater_remove", args=[multirater_task(t).uuid]),
            method="POST",
        ),
        "multirater:summary": page(
            MULTIRATER_SUMMARY,
            url=lambda t: reverse("multirater:summary", args=[multirater_subject(t).uuid]),
        ),
        "GET /api/v1/multirater/rounds": operation(
            MULTIRATER_ROUND_LIST, marker=lambda t: str(multirater_round(t).uuid)
        ),
        "POST /api/v1/multirater/rounds": operation(
            as_api(AGENCY_HR),
            data=lambda t: {"root_unit": str(t.unit.uuid), "period": str(period(t).uuid)},
        ),
        "GET /api/v1/multirater/rounds/{uuid}": operation(
            as_api(AGENCY_HR), params=_mr_round_param
        ),
        "POST /api/v1/multirater/rounds/{uuid}/start": operation(
            as_api(AGENCY_HR), params=_mr_round_param
        ),
        "POST /api/v1/multirater/rounds/{uuid}/remind": operation(
            as_api(AGENCY_HR), params=_mr_round_param
        ),
        "POST /api/v1/multirater/rounds/{uuid}/close": operation(
            as_api(AGENCY_HR), params=_mr_round_param
        ),
        "GET /api/v1/multirater/subjects/{uuid}/raters": operation(
            as_api(AGENCY_HR), params=lambda t: {"uuid": multirater_subject(t).uuid}
        ),
        # The target as their own peer: refused by the rule after the permission check.
        "POST /api/v1/multirater/subjects/{uuid}/raters": operation(
            as_api(AGENCY_HR),
            params=lambda t: {"uuid": multirater_subject(t).uuid},
            data=lambda t: {"nip": t.emp.nip, "relation": "peer"},
        ),
        "DELETE /api/v1/multirater/raters/{uuid}": operation(
            as_api(AGENCY_HR), params=lambda t: {"uuid": multirater_task(t).uuid}
        ),
        "GET /api/v1/multirater/tasks": operation(
            MULTIRATER_TASKS, marker=lambda t: str(multirater_round(t).uuid)
        ),
        "POST /api/v1/multirater/tasks/{uuid}/answer": operation(
            as_api(MULTIRATER_RATER),
            params=lambda t: {"uuid": multirater_task(t).uuid},
            data=_MR_ANSWER,
        ),
        "GET /api/v1/multirater/subjects/{uuid}/summary": operation(
            as_api(MULTIRATER_SUMMARY),
            params=lambda t: {"uuid": multirater_subject(t).uuid},
        ),
    }
)

# --- appraisal: periodic and annual evaluations ------------------------------
# The annual evaluation of the target's approved SKP, not rated yet (so not final).
# appraisal.view_evaluation: the assessor and assessor's superior on the evaluation's
# date, HR admins and leaders over the employee; the employee only once it is final.
EVALUATION_READERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""
# appraisal.rate_evaluation / finalise_evaluation: the assessor on the evaluation's date.
EVALUATION_RATERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     no     no     no
    hr    no     no     no     no
    ohr   no     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# The queue lists the people one assesses; a leader without an employee record has none.
EVALUATION_QUEUE = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   miss   -      miss   miss
    asr   miss   hit    miss   miss
    sup   miss   miss   miss   miss
    hr    miss   miss   miss   miss
    ohr   miss   miss   miss   miss
    lead  -      no     no     no
    su    -      miss   miss   miss
"""
EVALUATION_QUEUE_WRITE = """
          any
    anon  login
    emp   ok
    asr   ok
    sup   ok
    hr    ok
    ohr   ok
    lead  no     # no employee record
    su    ok
"""


def _evaluation_url(name: str, key: str = "tahunan"):
    from authz_objects import evaluation_skp

    return lambda t: reverse(f"appraisal:{name}", args=[evaluation_skp(t).uuid, key])


def _evaluation_params(t) -> dict:
    from authz_objects import evaluation_skp

    return {"uuid": evaluation_skp(t).uuid, "window": "annual"}


def _evaluation_queue_marker(t) -> str:
    from authz_objects import evaluation_skp

    return evaluation_skp(t).employee.full_name


_RATE = {"results_rating": "as_expected", "behaviour_rating": "as_expected"}

RULES.update(
    {
        "appraisal:queue": page(
            EVALUATION_QUEUE,
            url=lambda t: reverse("appraisal:queue") + "?window=tahunan",
            marker=_evaluation_queue_marker,
        ),
        "appraisal:queue_finalise": page(
            EVALUATION_QUEUE_WRITE,
            url=lambda t: reverse("appraisal:queue_finalise") + "?window=tahunan",
            method="POST",
            data={},
        ),
        "appraisal:my_evaluations": page(
            EMPLOYEES_ONLY, url=lambda t: reverse("appraisal:my_evaluations")
        ),
        "appraisal:evaluation": page(EVALUATION_READERS, url=_evaluation_url("evaluation")),
        "appraisal:evaluation_rate": page(
            EVALUATION_RATERS, url=_evaluation_url("evaluation_rate"), method="POST", data=_RATE
        ),
        "appraisal:evaluation_finalise": page(
            EVALUATION_RATERS, url=_evaluation_url("evaluation_finalise"), method="POST", data={}
        ),
        "GET /api/v1/evaluations/queue": operation(
            as_api(EVALUATION_QUEUE).replace("no     no     no", "miss   miss   miss"),
            query={"window": "annual"},
            marker=lambda t: str(_evaluation_params(t)["uuid"]),
        ),
        "GET /api/v1/evaluations/mine": operation(as_api(LOGGED_IN)),
        "GET /api/v1/skps/{uuid}/evaluations/{window}": operation(
            as_api(EVALUATION_READERS), params=_evaluation_params
        ),
        "POST /api/v1/skps/{uuid}/evaluations/{window}/rate": operation(
            as_api(EVALUATION_RATERS), params=_evaluation_params, data=_RATE
        ),
        "POST /api/v1/skps/{uuid}/evaluations/{window}/finalise": operation(
            as_api(EVALUATION_RATERS), params=_evaluation_params, data={}
        ),
    }
)


# --- execution: feedback threads, guidance, attendance, notifications -------
from authz_objects import (  # noqa: E402
    coaching_session,
    competence_evaluation,
    notification,
)

# execution.give_feedback (assessor, assessor's superior) or, on one's own SKP,
# execution.reply_feedback: who may post in a thread (the service then says whether now).
FEEDBACK_WRITERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# execution.view_coaching: the employee, their leaders (assessor, supervisor), the
# assessor's superior and HR over them (not the read-only leaders).
COACHING_READERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# execution.log_coaching / evaluate_competence: the assessor or direct supervisor today.
COACHING_LEADERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     no     no     no
    hr    no     no     no     no
    ohr   no     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# execution.answer_coaching_feedback: the coached employee alone.
COACHING_ANSWERER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
COACHING_LIST = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   hit    -      miss   miss
    asr   hit    hit    miss   miss
    sup   hit    hit    miss   miss
    hr    hit    hit    hit    miss
    ohr   hit    miss   miss   hit
    lead  -      miss   miss   miss
    su    -      hit    hit    hit
"""


def _feedback_url(name):
    return lambda t: reverse(f"execution:{name}", args=[skp(t).uuid, 1])


def _feedback_param(t):
    return {"uuid": skp(t).uuid, "number": 1}


def _person_url(name):
    return lambda t: reverse(f"execution:{name}", args=[t.emp.uuid])


def _session_url(t):
    return reverse("execution:coaching_session", args=[coaching_session(t).uuid])


def _session_form(t):
    return {"held_on": today().isoformat(), "kind": "coaching", "topic": "Matriks"}


_COMPETENCE_FORM = {
    "evaluated_on": today().isoformat(),
    "c0_name": "Integritas",
    "c0_score": "4",
    "c0_reason": "Matriks",
}
_B18_FORM = {f"s{i}": "4" for i in range(1, 10)}

RULES.update(
    {
        "execution:feedback_page": page(SKP_READERS, url=_feedback_url("feedback_page")),
        "execution:feedback_post": page(
            FEEDBACK_WRITERS,
            url=_feedback_url("feedback_post"),
            method="POST",
            data={"thread": "v-akuntabel", "text": "Umpan balik matriks"},
        ),
        "execution:coaching_mine": page(
            EMPLOYEES_ONLY, url=lambda t: reverse("execution:coaching_mine")
        ),
        "execution:coaching_person": page(COACHING_READERS, url=_person_url("coaching_person")),
        "execution:coaching_log": (
            page(COACHING_LEADERS, url=_person_url("coaching_log")),
            page(
                COACHING_LEADERS, url=_person_url("coaching_log"), method="POST", data=_session_form
            ),
        ),
        "execution:competence_evaluate": (
            page(COACHING_LEADERS, url=_person_url("competence_evaluate")),
            page(
                COACHING_LEADERS,
                url=_person_url("competence_evaluate"),
                method="POST",
                data=_COMPETENCE_FORM,
            ),
        ),
        "execution:coaching_session": (
            page(
                COACHING_READERS,
                url=_session_url,
            ),
            page(
                COACHING_ANSWERER,
                url=_session_url,
                method="POST",
                data=_B18_FORM,
            ),
        ),
        "execution:attendance": (
            page(IMPORTERS, url=lambda t: reverse("execution:attendance")),
            page(IMPORTERS, url=lambda t: reverse("execution:attendance"), method="POST", data={}),
        ),
        "execution:attendance_template": page(
            IMPORTERS, url=lambda t: reverse("execution:attendance_template")
        ),
        "web:notifications": page(LOGGED_IN, url=lambda t: reverse("web:notifications")),
        "web:notification_read": page(
            OWN_TOKEN_PAGE,
            url=lambda t: reverse("web:notification_read", args=[notification(t).uuid]),
            method="POST",
            data={},
        ),
        "web:notifications_read_all": page(
            LOGGED_IN, url=lambda t: reverse("web:notifications_read_all"), method="POST", data={}
        ),
        "GET /api/v1/skps/{uuid}/feedback/{number}": operation(
            as_api(SKP_READERS), params=_feedback_param
        ),
        "POST /api/v1/skps/{uuid}/feedback/{number}": operation(
            as_api(FEEDBACK_WRITERS),
            params=_feedback_param,
            data={"core_value": "akuntabel", "text": "Umpan balik matriks"},
        ),
        "GET /api/v1/coaching/sessions": operation(
            COACHING_LIST, marker=lambda t: str(coaching_session(t).uuid)
        ),
        "POST /api/v1/coaching/sessions": operation(
            as_api(COACHING_LEADERS),
            data=lambda t: {**_session_form(t), "employee": str(t.emp.uuid)},
        ),
        "POST /api/v1/coaching/sessions/{uuid}/feedback": operation(
            as_api(COACHING_ANSWERER),
            params=lambda t: {"uuid": coaching_session(t).uuid},
            data={"answers": [4] * 9},
        ),
        "GET /api/v1/competence-evaluations": operation(
            COACHING_LIST, marker=lambda t: str(competence_evaluation(t).uuid)
        ),
        "POST /api/v1/competence-evaluations": operation(
            as_api(COACHING_LEADERS),
            data=lambda t: {
                "employee": str(t.emp.uuid),
                "evaluated_on": today().isoformat(),
                "scores": [{"competence": "Integritas", "score": 4, "reason": "Matriks"}],
            },
        ),
        "GET /api/v1/attendance": operation(
            as_api(SKP_READERS), query=lambda t: {"employee": str(t.emp.uuid)}
        ),
    }
)


# --- appraisal: objections, activity log, credit points, year end -----------
from authz_objects import final_annual, finalisation_run, objection  # noqa: E402

# appraisal.file_objection (and withdrawing): the employee alone, on their own result.
OBJECTION_FILER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     no     no     no
    sup   ok     no     no     no
    hr    ok     no     no     no
    ohr   ok     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# appraisal.view_objection: the employee, the assessor, the deciding superior, HR over
# the employee (leaders are not party to an objection).
OBJECTION_READERS = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     ok     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
OBJECTION_LIST = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   hit    -      miss   miss
    asr   hit    hit    miss   miss
    sup   hit    hit    miss   miss
    hr    hit    hit    hit    miss
    ohr   hit    miss   miss   hit
    lead  -      miss   miss   miss
    su    -      hit    hit    hit
"""
# appraisal.state_objection: the assessor who gave the result (asr for staff).
OBJECTION_ASSESSOR = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     ok     no     no
    sup   no     no     no     no
    hr    no     no     no     no
    ohr   no     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# appraisal.decide_objection: the assessor's superior at the year's end (sup for staff).
OBJECTION_DECIDER = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     ok     no     no
    hr    no     no     no     no
    ohr   no     no     no     no
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# core.view_activity_log, appraisal.list_credit_points / finalise_year on a unit: HR
# admins over the employee or unit.
HR_OVER_TARGET = """
          own    sub    unit   agency
    anon  -      login  login  login
    emp   no     -      no     no
    asr   no     no     no     no
    sup   no     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      no     no     no
    su    -      ok     ok     ok
"""
# The HR pages without a unit chosen open on the user's own HR scope.
HR_PAGES = """
          any
    anon  login
    emp   no
    asr   no
    sup   no
    hr    ok
    ohr   ok
    lead  no
    su    ok
"""
# appraisal.view_credit_points: the employee, HR and leaders over them, their assessor.
CREDIT_POINT_READERS = """
          own    sub    unit   agency
    anon  -      401    401    401
    emp   ok     -      no     no
    asr   ok     ok     no     no
    sup   ok     no     no     no
    hr    ok     ok     ok     no
    ohr   ok     no     no     ok
    lead  -      ok     ok     no
    su    -      ok     ok     ok
"""


def _objection_url(name: str):
    return lambda t: reverse(f"appraisal:{name}", args=[objection(t).uuid])


def _objection_params(t) -> dict:
    return {"uuid": objection(t).uuid}


def _objection_marker(t) -> str:
    return objection(t).filed_by.full_name


_DECIDE = {"decision": "uphold", "reason": "Matriks"}

RULES.update(
    {
        "appraisal:objection_mine": page(
            EMPLOYEES_ONLY, url=lambda t: reverse("appraisal:objection_mine")
        ),
        "appraisal:objection_list": page(
            OBJECTION_LIST,
            url=lambda t: reverse("appraisal:objection_list"),
            marker=_objection_marker,
        ),
        "appraisal:objection_file": (
            page(
                OBJECTION_FILER,
                url=lambda t: reverse("appraisal:objection_file", args=[final_annual(t).uuid]),
            ),
            page(
                OBJECTION_FILER,
                url=lambda t: reverse("appraisal:objection_file", args=[final_annual(t).uuid]),
                method="POST",
                data={"reasons": "Keberatan matriks"},
            ),
        ),
        "appraisal:objection_detail": page(
            OBJECTION_READERS, url=_objection_url("objection_detail")
        ),
        "appraisal:objection_statement": page(
            OBJECTION_ASSESSOR,
            url=_objection_url("objection_statement"),
            method="POST",
            data={"statement": "Penjelasan matriks"},
        ),
        "appraisal:objection_decide": page(
            OBJECTION_DECIDER, url=_objection_url("objection_decide"), method="POST", data=_DECIDE
        ),
        "appraisal:objection_withdraw": page(
            OBJECTION_FILER, url=_objection_url("objection_withdraw"), method="POST", data={}
        ),
        "appraisal:activity_log": page(
            HR_OVER_TARGET, url=lambda t: reverse("appraisal:activity_log", args=[t.emp.uuid])
        ),
        "appraisal:activity_log_csv": page(
            HR_OVER_TARGET,
            url=lambda t: reverse("appraisal:activity_log_csv", args=[t.emp.uuid]),
        ),
        "appraisal:credit_points_list": (
            page(HR_PAGES, url=lambda t: reverse("appraisal:credit_points_list")),
            page(
                HR_OVER_TARGET,
                url=lambda t: reverse("appraisal:credit_points_list") + f"?unit={t.unit.uuid}",
            ),
        ),
        "appraisal:credit_points_export": (
            page(HR_PAGES, url=lambda t: reverse("appraisal:credit_points_export")),
            page(
                HR_OVER_TARGET,
                url=lambda t: (
                    reverse("appraisal:credit_points_export") + f"?format=csv&unit={t.unit.uuid}"
                ),
            ),
        ),
        "appraisal:year_end": (
            page(HR_PAGES, url=lambda t: reverse("appraisal:year_end")),
            page(HR_PAGES, url=lambda t: reverse("appraisal:year_end"), method="POST", data={}),
        ),
        "appraisal:year_end_run": page(
            HR_OVER_TARGET,
            url=lambda t: reverse("appraisal:year_end_run", args=[finalisation_run(t).uuid]),
        ),
        "GET /api/v1/objections": operation(
            as_api(OBJECTION_LIST), marker=lambda t: str(objection(t).uuid)
        ),
        "POST /api/v1/objections": operation(
            as_api(OBJECTION_FILER),
            data=lambda t: {"skp": str(final_annual(t).skp.uuid), "reasons": "Matriks"},
        ),
        "GET /api/v1/objections/{uuid}": operation(
            as_api(OBJECTION_READERS), params=_objection_params
        ),
        "POST /api/v1/objections/{uuid}/statement": operation(
            as_api(OBJECTION_ASSESSOR), params=_objection_params, data={"statement": "Matriks"}
        ),
        "POST /api/v1/objections/{uuid}/decision": operation(
            as_api(OBJECTION_DECIDER), params=_objection_params, data=_DECIDE
        ),
        "POST /api/v1/objections/{uuid}/withdraw": operation(
            as_api(OBJECTION_FILER), params=_objection_params, data={}
        ),
        "GET /api/v1/employees/{uuid}/credit-points": operation(
            CREDIT_POINT_READERS, params=lambda t: {"uuid": t.emp.uuid}
        ),
    }
)


# --- execution: realisations and evidence ------------------------------------------
# execution.view_report / view_evidence: as planning.view_skp (SKP_READERS);
# execution.change_report: the employee, HR over them (SKP_EDITORS);
# execution.submit_report: the employee (SKP_OWNER); reopen_report: the assessor.
from authz_objects import (  # noqa: E402
    evidence_file,
    period_report,
    report_indicator,
    report_skp,
    report_window,
)


def _report_url(name: str):
    return lambda t: reverse(f"execution:{name}", args=[period_report(t).uuid])


def _row_url(name: str):
    return lambda t: reverse(
        f"execution:{name}", args=[period_report(t).uuid, report_indicator(t).uuid]
    )


def _report_params(t) -> dict:
    return {"uuid": period_report(t).uuid}


def _row_params(t) -> dict:
    return {"uuid": period_report(t).uuid, "indicator": report_indicator(t).uuid}


def _evidence_params(t) -> dict:
    return {"uuid": evidence_file(t).uuid}


RULES.update(
    {
        "execution:my_reports": page(EMPLOYEES_ONLY, url=lambda t: reverse("execution:my_reports")),
        "execution:skp_reports": page(
            SKP_READERS, url=lambda t: reverse("execution:skp_reports", args=[report_skp(t).uuid])
        ),
        "execution:report_start": page(
            SKP_EDITORS,
            url=lambda t: reverse(
                "execution:report_start", args=[report_skp(t).uuid, report_window(t).uuid]
            ),
            method="POST",
            data={},
        ),
        "execution:report_detail": page(SKP_READERS, url=_report_url("report_detail")),
        "execution:report_submit": page(
            SKP_OWNER, url=_report_url("report_submit"), method="POST", data={"note": "Matriks"}
        ),
        "execution:report_reopen": page(
            SKP_ASSESSOR, url=_report_url("report_reopen"), method="POST", data={"reason": "x"}
        ),
        "execution:realisation_save": page(
            SKP_EDITORS, url=_row_url("realisation_save"), method="POST", data={"value": "1"}
        ),
        "execution:evidence_file_add": page(
            SKP_EDITORS, url=_row_url("evidence_file_add"), method="POST", data={}
        ),
        "execution:evidence_link_add": page(
            SKP_EDITORS,
            url=_row_url("evidence_link_add"),
            method="POST",
            data={"url": "https://example.go.id/bukti"},
        ),
        "execution:evidence_download": page(
            SKP_READERS,
            url=lambda t: reverse("execution:evidence_download", args=[evidence_file(t).uuid]),
        ),
        "execution:evidence_delete": page(
            SKP_EDITORS,
            url=lambda t: reverse("execution:evidence_delete", args=[evidence_file(t).uuid]),
            method="POST",
            data={},
        ),
        "GET /api/v1/reports": operation(as_api(LOGGED_IN)),
        "POST /api/v1/reports": operation(
            as_api(SKP_EDITORS),
            data=lambda t: {"skp": str(report_skp(t).uuid), "window": str(report_window(t).uuid)},
        ),
        "GET /api/v1/reports/{uuid}": operation(as_api(SKP_READERS), params=_report_params),
        "PUT /api/v1/reports/{uuid}/realisations/{indicator}": operation(
            as_api(SKP_EDITORS), params=_row_params, data={"value": "1"}
        ),
        "POST /api/v1/reports/{uuid}/submit": operation(
            as_api(SKP_OWNER), params=_report_params, data={}
        ),
        "POST /api/v1/reports/{uuid}/reopen": operation(
            as_api(SKP_ASSESSOR), params=_report_params, data={"reason": "Matriks"}
        ),
        "POST /api/v1/reports/{uuid}/realisations/{indicator}/files": operation(
            as_api(SKP_EDITORS), params=_row_params
        ),
        "POST /api/v1/reports/{uuid}/realisations/{indicator}/links": operation(
            as_api(SKP_EDITORS), params=_row_params, data={"url": "https://example.go.id/b"}
        ),
        "DELETE /api/v1/evidence/{uuid}": operation(as_api(SKP_EDITORS), params=_evidence_params),
        "GET /api/v1/evidence/{uuid}/file": operation(as_api(SKP_READERS), params=_evidence_params),
    }
)
