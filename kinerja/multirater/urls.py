"""Multirater URLs. Each area adds its own block: ``urlpatterns += [...]``."""

app_name = "multirater"

urlpatterns: list = []
