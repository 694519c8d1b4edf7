"""Surveys URLs. Each area adds its own block: ``urlpatterns += [...]``."""

app_name = "surveys"

urlpatterns: list = []
