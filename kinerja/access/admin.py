from django.contrib import admin

from kinerja.access.models import ScopedRole


@admin.register(ScopedRole)
class ScopedRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "agency", "unit"]
    list_filter = ["role", "agency"]
    raw_id_fields = ["user", "unit"]
