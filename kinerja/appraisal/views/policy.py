"""The agency's assessment policy (/penilaian/kebijakan/): recommendation thresholds,
the rounding of the distribution guide for small units, and the objection deadlines.
Agency-wide HR admins change it; the regulation defaults apply until they do."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kinerja.access.permissions import may
from kinerja.appraisal.enums import Rounding
from kinerja.appraisal.forms_organisation import PolicyForm
from kinerja.appraisal.selectors_distribution import policy_for
from kinerja.appraisal.services.organisation import policy_update
from kinerja.appraisal.views.organisation import chosen_agency
from kinerja.regulation.distribution import ROUNDING_DESCRIPTIONS, SOURCE

FIELDS = (
    "as_expected_from",
    "above_from",
    "achievement_cap",
    "rounding",
    "objection_days",
    "decision_days",
)


@login_required
def policy_edit(request: HttpRequest) -> HttpResponse:
    agency = chosen_agency(request)
    if agency is None or not may(request.user, "appraisal.manage_policy", agency):
        raise PermissionDenied
    policy = policy_for(agency)
    initial = {name: getattr(policy, name) for name in FIELDS}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            policy_update(agency=agency, actor=request.user, **data)
        except ValidationError as refusal:
            for field, errors in refusal.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The assessment policy has been saved."))
            query = urlencode({"agency": agency.uuid})
            return redirect(f"{reverse('appraisal:policy')}?{query}")
    # Each policy by the label the form shows, with the regulation module's wording.
    rounding_rules = [(Rounding(rule).label, text) for rule, text in ROUNDING_DESCRIPTIONS.items()]
    return render(
        request,
        "appraisal/policy_form.html",
        {
            "agency": agency,
            "policy": policy,
            "form": form,
            "is_default": policy.pk is None,
            "rounding_rules": rounding_rules,
            "source": SOURCE,
        },
        status=400 if form.errors else 200,
    )
