from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kinerja.accounts.models import ApiToken, User

admin.site.register(User, UserAdmin)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "last_used_at"]
    exclude = ["key_hash"]
