from kinerja.execution.models.attendance import AttendanceSummary
from kinerja.execution.models.coaching import (
    CoachingFeedback,
    CoachingSession,
    CompetenceEvaluation,
    CompetenceScore,
)
from kinerja.execution.models.feedback import FeedbackMessage
from kinerja.execution.models.realisation import Evidence, PeriodReport, Realisation

__all__ = [
    "AttendanceSummary",
    "CoachingFeedback",
    "CoachingSession",
    "CompetenceEvaluation",
    "CompetenceScore",
    "Evidence",
    "FeedbackMessage",
    "PeriodReport",
    "Realisation",
]
