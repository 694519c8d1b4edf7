from kinerja.appraisal.models.evaluation import CreditPointAward, Evaluation
from kinerja.appraisal.models.objection import Objection
from kinerja.appraisal.models.organisation import OrganisationResult
from kinerja.appraisal.models.policy import AppraisalPolicy

__all__ = [
    "AppraisalPolicy",
    "CreditPointAward",
    "Evaluation",
    "Objection",
    "OrganisationResult",
]
