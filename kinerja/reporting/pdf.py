"""The reporting app's official forms, printed by ``core.pdf`` with the stylesheets that
live beside them."""

from pathlib import Path

from kinerja.core import pdf

STYLESHEETS = Path(__file__).resolve().parent / "stylesheets"


def html_to_pdf(html: str, *, stylesheet: str) -> bytes:
    """The PDF of an HTML page styled by ``stylesheets/<stylesheet>``."""
    return pdf.html_to_pdf(html, stylesheet=STYLESHEETS / stylesheet)
