"""Demo plans: the current year's period, goals, SKPs and indicator library of the demo
agency, so every planning screen shows real content.

``demo_plans_create`` runs after the org demo (``kinerja.org.demo``) has built the
agency. It creates the quarterly assessment period of the current year; the goals
(sasaran strategis with IKU) of the city and of each office; an SKP for every employee
holding a post, cascading from those goals down the derived assessment chain; and the
national indicator library. Most plans are approved; about 5 % are submitted, 3 %
drafts and 2 % returned with a comment, chosen among people who assess nobody so that
every approved plan links to an approved plan above. The demo logins get states to try
the workflow with (see ``story.choose_statuses``). Same seed, same plans.
"""

from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.demo import DEFAULT_SEED
from kinerja.org.models import Agency
from kinerja.planning import services
from kinerja.planning.demo import story
from kinerja.planning.demo.build import Builder
from kinerja.planning.demo.chart import Chart
from kinerja.planning.demo.drafts import DemoPlans
from kinerja.planning.demo.library import library_seed, library_templates
from kinerja.planning.demo.store import drafts_store
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod

__all__ = [
    "DemoPlans",
    "demo_plans_create",
    "demo_plans_missing",
    "library_seed",
    "library_templates",
]


def demo_plans_missing(agency: Agency, year: int | None = None) -> bool:
    """Whether the agency has no period for the year yet (default: this year)."""
    return not AssessmentPeriod.objects.filter(agency=agency, year=year or today().year).exists()


@transaction.atomic
def demo_plans_create(*, agency: Agency, seed: int = DEFAULT_SEED, actor=None) -> DemoPlans:
    """Plan the current year of ``agency`` (see the module docstring)."""
    year = today().year
    if not demo_plans_missing(agency, year):
        raise ApplicationError(
            _("%(agency)s already has a period for %(year)d.")
            % {"agency": agency.name, "year": year}
        )
    period = services.period_create(agency=agency, year=year, actor=actor)
    library_seed(actor=actor)
    on = min(max(today(), period.start_date), period.end_date)
    builder = Builder(period=period, chart=Chart.load(agency, on), seed=seed, actor=actor)
    builder.create_goals()
    builder.draft_all()
    drafts = drafts_store(builder)
    story.notify_personas(builder.chart, drafts)
    statuses = Counter(SkpStatus(d.status).value for d in drafts)
    summary = DemoPlans(
        period=period,
        skps=len(drafts),
        results=sum(len(d.results) for d in drafts),
        statuses=dict(statuses),
    )
    log_action(
        actor=actor,
        action="planning.demo_plans_create",
        obj=period,
        after={"seed": seed, "skps": summary.skps, "results": summary.results, **statuses},
    )
    return summary
