"""``manage.py import_org --agency CODE [--dry-run] FILE [FILE ...]``: the web import,
from the command line, with the same row-by-row report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kinerja.org.importing import ImportReport, RecordKind, Source, import_apply, import_check
from kinerja.org.models import Agency


class Command(BaseCommand):
    help = "Import units, positions and employees from CSV/XLSX files (see docs/import.md)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="CSV or XLSX files")
        parser.add_argument("--agency", required=True, help="code of the agency")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )

    def handle(self, *args, files, agency, dry_run, **options):
        try:
            target = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(_("No agency has the code %(code)s.") % {"code": agency}) from None
        sources = []
        for path in files:
            if not path.is_file():
                raise CommandError(_("%(path)s is not a file.") % {"path": path})
            sources.append(Source(path.name, path.read_bytes()))
        if dry_run:
            report = import_check(agency=target, sources=sources)
        else:
            report = import_apply(agency=target, sources=sources)
        self._print(report, dry_run)
        if not report.ok:
            raise CommandError(
                _("%(count)s error(s): nothing was imported.") % {"count": len(report.errors)}
            )

    def _print(self, report: ImportReport, dry_run: bool) -> None:
        for error in report.errors:
            row = error.row if error.row is not None else "-"
            self.stdout.write(f"{error.sheet}\t{row}\t{error.column or '-'}\t{error.message}")
        if not report.ok:
            return
        for kind in RecordKind.ORDER:
            counts = report.counts[kind]
            self.stdout.write(
                _("%(kind)s: %(create)s new, %(update)s updated, %(unchanged)s unchanged")
                % {"kind": RecordKind.LABELS[kind], **counts}
            )
        self.stdout.write(
            _("Posts: %(start)s started, %(end)s ended; logins: %(create)s created")
            % {**report.counts["assignments"], "create": report.counts["logins"]["create"]}
        )
        self.stdout.write(
            self.style.SUCCESS(_("Dry run: nothing was written.") if dry_run else _("Imported."))
        )
