"""HTML to PDF through WeasyPrint, the one way Kinerja prints official forms (DESIGN.md).

It lives in ``core`` so that every layer can print with it: ``reporting`` for the SKP
and evaluation documents, ``surveys`` (below ``reporting``) for its poster and report.
Each caller passes the stylesheet that lives beside its own templates.
"""

import gc
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings


@cache
def _fonts() -> Any:
    """One font configuration per process: building it scans the system fonts."""
    from weasyprint.text.fonts import FontConfiguration  # slow import, paid only when printing

    fonts = FontConfiguration()
    # What is loaded by now (Django, WeasyPrint, the fonts) lives as long as the process.
    # Frozen, it is left out of the cyclic collector's full passes, which WeasyPrint's
    # many short-lived objects trigger about every other document: ≈ 15 % of a
    # document's CPU time otherwise.
    gc.freeze()
    return fonts


@cache
def _stylesheet(path: Path) -> Any:
    """A parsed stylesheet, kept for the process: its selectors are compiled once
    instead of for every document."""
    from weasyprint import CSS  # slow import, paid only when printing

    return CSS(filename=str(path), font_config=_fonts())


def html_to_pdf(html: str, *, stylesheet: Path) -> bytes:
    """The PDF of an HTML page styled by the stylesheet at ``stylesheet``. The page
    loads nothing else (no images, fonts or files from outside)."""
    from weasyprint import HTML  # slow import, paid only when printing

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(font_config=_fonts(), stylesheets=[_stylesheet(stylesheet)])
