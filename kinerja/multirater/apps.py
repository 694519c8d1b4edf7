from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultiraterConfig(AppConfig):
    name = "kinerja.multirater"
    verbose_name = _("360° feedback")
