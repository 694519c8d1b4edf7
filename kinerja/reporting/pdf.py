"""HTML to PDF through WeasyPrint, the one way Kinerja prints official forms (DESIGN.md)."""

from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

STYLESHEETS = Path(__file__).resolve().parent / "stylesheets"


@cache
def _fonts() -> Any:
    """One font configuration per process: building it scans the system fonts."""
    from weasyprint.text.fonts import FontConfiguration  # slow import, paid only when printing

    return FontConfiguration()


@cache
def _stylesheet(name: str) -> Any:
    """A parsed stylesheet, kept for the process: its selectors are compiled once
    instead of for every document."""
    from weasyprint import CSS  # slow import, paid only when printing

    return CSS(filename=str(STYLESHEETS / name), font_config=_fonts())


def html_to_pdf(html: str, *, stylesheet: str) -> bytes:
    """The PDF of an HTML page styled by ``stylesheets/<stylesheet>``. The page loads
    nothing else (no images, fonts or files from outside)."""
    from weasyprint import HTML  # slow import, paid only when printing

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(font_config=_fonts(), stylesheets=[_stylesheet(stylesheet)])
