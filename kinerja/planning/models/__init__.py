from kinerja.planning.models.goal import OrganisationGoal, OrganisationIndicator
from kinerja.planning.models.library import IndicatorTemplate
from kinerja.planning.models.period import AssessmentPeriod, ReportingWindow
from kinerja.planning.models.skp import (
    AnnexItem,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    PlannedResult,
    Skp,
)

__all__ = [
    "AnnexItem",
    "AssessmentPeriod",
    "BehaviourExpectation",
    "CascadeLink",
    "Indicator",
    "IndicatorTemplate",
    "OrganisationGoal",
    "OrganisationIndicator",
    "PlannedResult",
    "ReportingWindow",
    "Skp",
]
