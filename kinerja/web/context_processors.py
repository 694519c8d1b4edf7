"""Navigation entries, computed from the permission module so a menu never offers a
page that would then refuse the user."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from kinerja.access.permissions import actor_for, units_led_from_above
from kinerja.core.clock import today


def _reporting_items(actor, assesses: bool) -> list:
    """Compliance lists (reporting.view_compliance: HR admins and leaders) and bulk
    evaluation documents (reporting.bulk_documents: HR admins, assessors)."""
    items = []
    if actor.read_scopes or actor.is_superuser:
        items.append((reverse("reporting:compliance"), _("Compliance")))
    if assesses or actor.is_hr_admin or actor.is_superuser:
        items.append((reverse("reporting:batch_list"), _("Evaluation documents")))
    return items


def _year_end_items(actor) -> list:
    """Objections, credit points and the year-end finalisation (appraisal): every
    employee may object and may be an assessor or decider; HR admins see those of their
    staff, list credit points and finalise the year."""
    items = []
    if actor.employee is not None or actor.is_hr_admin or actor.is_superuser:
        items.append((reverse("appraisal:objection_list"), _("Objections")))
    if actor.is_hr_admin or actor.is_superuser:
        items.append((reverse("appraisal:credit_points_list"), _("Credit points")))
        items.append((reverse("appraisal:year_end"), _("Year-end finalisation")))
    return items


def navigation(request):
    """``nav_items``, built only when a template shows the menu: an htmx fragment (a
    saved row, a preview) renders without it and pays none of its queries."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": SimpleLazyObject(lambda: _items(actor_for(user)))}


def _items(actor) -> list:
    # Import and the assessment policy reach the whole agency, so only agency-wide HR
    # admins get them (the rules behind "org.import_data" and "appraisal.manage_policy").
    agency_wide_hr = actor.is_superuser or any(scope.path is None for scope in actor.hr_scopes)
    assesses = actor.employee is not None and bool(actor.assessees(today()))
    items = [(reverse("web:home"), _("Home"))]
    if actor.employee is not None:
        items.append((reverse("org:my_profile"), _("My profile")))
        items.append((reverse("planning:my_skp"), _("My SKP")))
        items.append((reverse("multirater:my_tasks"), _("360° feedback")))
        items.append((reverse("execution:my_reports"), _("My reports")))
        items.append((reverse("appraisal:my_evaluations"), _("My results")))
        items.append((reverse("execution:coaching_mine"), _("Guidance")))
        if assesses:
            items.append((reverse("planning:team"), _("Team SKP")))
            items.append((reverse("planning:matrix"), _("Matrix")))
            items.append((reverse("appraisal:queue"), _("Evaluations")))
        items.append((reverse("planning:cascade"), _("Cascade")))
    elif actor.read_scopes or actor.is_superuser:
        items.append((reverse("planning:cascade"), _("Cascade")))
    if actor.employee is not None or actor.read_scopes or actor.is_superuser:
        items.append((reverse("org:unit_tree"), _("Organisation")))
    if agency_wide_hr:
        items.append((reverse("org:import"), _("Import")))
        # Attendance summaries (execution.import_attendance: agency-wide HR admins).
        items.append((reverse("execution:attendance"), _("Attendance")))
    if actor.read_scopes or actor.is_superuser:
        items.append((reverse("planning:period_list"), _("Periods & goals")))
        # Public satisfaction surveys (IKM): HR admins and leaders over a unit.
        items.append((reverse("surveys:list"), _("Satisfaction surveys")))
    if actor.is_hr_admin or actor.is_superuser:
        items.append((reverse("planning:library"), _("Indicator library")))
        items.append((reverse("multirater:round_list"), _("360° rounds")))
    # Organisation results, calibration and the assessment policy (appraisal): the
    # next-higher leaders of some unit and agency-wide HR record results; assessors and
    # HR calibrate; agency-wide HR sets the policy.
    if agency_wide_hr or (assesses and units_led_from_above(actor)):
        items.append((reverse("appraisal:organisation_results"), _("Unit results")))
    if assesses or actor.is_hr_admin or actor.is_superuser:
        items.append((reverse("appraisal:calibration"), _("Calibration")))
    if agency_wide_hr:
        items.append((reverse("appraisal:policy"), _("Assessment policy")))
    items += _year_end_items(actor)
    items += _reporting_items(actor, assesses)
    items.append((reverse("web:notifications"), _("Notifications")))
    items.append((reverse("web:guide"), _("Guide")))
    return items
