"""Execution URLs. Each area adds its own block: ``urlpatterns += [...]``."""

app_name = "execution"

urlpatterns: list = []
