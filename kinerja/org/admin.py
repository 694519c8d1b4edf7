"""Django admin for reference data. Structural writes that affect derived relations
(unit paths, transfers) go through the services, so the admin only edits plain fields."""

from django.contrib import admin

from kinerja.org.models import Agency, Assignment, Employee, Position, SupervisionOverride, Unit


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "head_title"]
    search_fields = ["name", "code"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "agency", "depth"]
    list_filter = ["agency", "kind"]
    search_fields = ["name", "code"]
    readonly_fields = ["parent", "path", "depth"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "level", "unit", "is_unit_head"]
    list_filter = ["agency", "kind"]
    search_fields = ["name", "code"]
    raw_id_fields = ["unit", "reports_to"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["position"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["name", "nip", "employment_type", "grade", "agency", "is_active"]
    list_filter = ["agency", "employment_type", "is_active"]
    search_fields = ["name", "nip"]
    raw_id_fields = ["user"]
    readonly_fields = ["nip", "birth_date", "sex"]
    inlines = [AssignmentInline]


@admin.register(SupervisionOverride)
class SupervisionOverrideAdmin(admin.ModelAdmin):
    list_display = ["employee", "assessor", "assessor_superior", "start_date", "end_date"]
    raw_id_fields = ["employee", "assessor", "assessor_superior"]
