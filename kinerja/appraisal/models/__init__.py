from kinerja.appraisal.models.evaluation import CreditPointAward, Evaluation
from kinerja.appraisal.models.objection import Objection
from kinerja.appraisal.models.organisation import OrganisationResult
from kinerja.appraisal.models.policy import AppraisalPolicy
from kinerja.appraisal.models.year_end import FinalisationRun, FinalisationStatus

__all__ = [
    "AppraisalPolicy",
    "CreditPointAward",
    "Evaluation",
    "FinalisationRun",
    "FinalisationStatus",
    "Objection",
    "OrganisationResult",
]
