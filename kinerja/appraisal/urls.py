"""Appraisal URLs. Each area adds its own block: ``urlpatterns += [...]``."""

app_name = "appraisal"

urlpatterns: list = []
