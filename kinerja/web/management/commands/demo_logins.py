"""``manage.py demo_logins``: print who to log in as, with which password."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kinerja.access.demo import DEMO_PASSWORD, demo_logins
from kinerja.org.demo import DEMO_CODE
from kinerja.org.models import Agency


class Command(BaseCommand):
    help = "Print the demo logins (role, username, password, who they are)."

    def add_arguments(self, parser):
        parser.add_argument("--agency-code", default=DEMO_CODE, help="Code of the demo agency.")

    def handle(self, *args, agency_code, **options):
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise CommandError(
                _("There is no agency %(code)s; run manage.py load_demo first.")
                % {"code": agency_code}
            )
        header = (_("Role"), _("Username"), _("Password"), _("Who"))
        rows = [
            (
                login.label,
                login.username,
                DEMO_PASSWORD if login.password_is_demo else _("(changed)"),
                login.who,
            )
            for login in demo_logins(agency)
        ]
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(3)]
        self.stdout.write(_("Demo logins for %(agency)s:") % {"agency": agency.name})
        for row in [header, *rows]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, str(row[3])]))
