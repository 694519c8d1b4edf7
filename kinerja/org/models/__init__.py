from kinerja.org.models.agency import Agency, Unit
from kinerja.org.models.employee import Assignment, Employee, SupervisionOverride
from kinerja.org.models.import_job import ImportJob, ImportStatus
from kinerja.org.models.position import Position

__all__ = [
    "Agency",
    "Assignment",
    "Employee",
    "ImportJob",
    "ImportStatus",
    "Position",
    "SupervisionOverride",
    "Unit",
]
