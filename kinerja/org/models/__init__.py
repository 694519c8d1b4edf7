from kinerja.org.models.agency import Agency, Unit
from kinerja.org.models.employee import Assignment, Employee, SupervisionOverride
from kinerja.org.models.position import Position

__all__ = ["Agency", "Assignment", "Employee", "Position", "SupervisionOverride", "Unit"]
