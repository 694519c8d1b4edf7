"""What an uploaded evidence file really is, judged by its bytes, never by its name.

Evidence (bukti dukung) may be a PDF, a picture or an office document. The browser's
content type and the file name are whatever the sender says, so the type is read from
the file's leading bytes (its "magic number") and, for zip-based office documents,
from the entries inside the archive; the name's extension must then agree. Anything
else (programs, scripts, HTML, SVG, archives) is refused. Standard library only.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_NAME_LENGTH = 120
# An OOXML or ODF package lists a few dozen entries; a zip with thousands is not one.
MAX_ZIP_ENTRIES = 5000
MAX_MIMETYPE_BYTES = 1024


@dataclass(frozen=True)
class FileType:
    """A kind of file accepted as evidence."""

    key: str
    content_type: str
    extensions: tuple[str, ...]
    is_image: bool = False


PDF = FileType("pdf", "application/pdf", (".pdf",))
PNG = FileType("png", "image/png", (".png",), is_image=True)
JPEG = FileType("jpeg", "image/jpeg", (".jpg", ".jpeg"), is_image=True)
GIF = FileType("gif", "image/gif", (".gif",), is_image=True)
WEBP = FileType("webp", "image/webp", (".webp",), is_image=True)
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
# Legacy Word, Excel and PowerPoint files share one container (OLE2), so the container
# is checked and the extension says which program it is for.
OLE2 = FileType("ole2", "application/octet-stream", (".doc", ".xls", ".ppt"))
OLE2_TYPES = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",))
ODP = FileType("odp", "application/vnd.oasis.opendocument.presentation", (".odp",))

ACCEPTED = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, OLE2, ODT, ODS, ODP)
ACCEPTED_EXTENSIONS = tuple(ext for t in ACCEPTED for ext in t.extensions)
"""For the file picker's ``accept`` attribute; the server still checks the bytes."""

OOXML_PARTS = {
    # The main part each OOXML kind must have, with its content type declared in
    # [Content_Types].xml (ECMA-376 part 2).
    DOCX: ("word/", b"wordprocessingml.document.main"),
    XLSX: ("xl/", b"spreadsheetml.sheet.main"),
    PPTX: ("ppt/", b"presentationml.presentation.main"),
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}


SIGNATURES: tuple[tuple[bytes, FileType], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (OLE2_MAGIC, OLE2),
)


def _zip_entries(data: bytes) -> tuple[list[str], bytes, bytes]:
    """(entry names, ODF ``mimetype``, OOXML ``[Content_Types].xml``) of a small zip."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    if len(names) > MAX_ZIP_ENTRIES:
        return [], b"", b""
    # Each entry is read only when its unpacked size is small, so a "zip bomb" entry
    # cannot fill the memory (ODF's ``mimetype`` is a few dozen bytes).
    mimetype = b""
    if "mimetype" in names and archive.getinfo("mimetype").file_size <= MAX_MIMETYPE_BYTES:
        mimetype = archive.read("mimetype").strip()
    declared = b""
    content_types = "[Content_Types].xml"
    if content_types in names and archive.getinfo(content_types).file_size <= 1024 * 1024:
        declared = archive.read(content_types)
    return names, mimetype, declared


def _zip_type(data: bytes) -> FileType | None:
    """An OOXML or ODF document, from the entries inside the zip."""
    try:
        names, mimetype, declared = _zip_entries(data)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, EOFError):
        return None
    if mimetype:
        return ODF_MIMETYPES.get(mimetype)
    for kind, (folder, marker) in OOXML_PARTS.items():
        if declared and marker in declared and any(name.startswith(folder) for name in names):
            return kind
    return None


def detect(data: bytes) -> FileType | None:
    """The accepted type the bytes are, or None (not accepted, whatever it is)."""
    head = data[:16]
    for magic, kind in SIGNATURES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(ZIP_MAGIC):
        return _zip_type(data)
    return None


def extension_of(name: str) -> str:
    """The lower-case extension of a file name, with its dot ("" when none)."""
    base = name.rsplit("/", 1)[-1]
    if "." not in base.strip("."):
        return ""
    return "." + base.rsplit(".", 1)[-1].lower()


def content_type_for(kind: FileType, extension: str) -> str:
    if kind is OLE2:
        return OLE2_TYPES[extension]
    return kind.content_type


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """The uploaded name made safe to show and to send back in a header.

    Only the last part of any path is kept (``../../etc/passwd.pdf`` → ``passwd.pdf``),
    control and format characters (such as right-to-left overrides that disguise an
    extension) are dropped, and the stem is shortened so the whole fits
    ``MAX_NAME_LENGTH`` while keeping the extension.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf"})
    name = _CONTROL.sub("", name)
    name = _SPACES.sub(" ", name).strip().strip(".").strip()
    name = name.replace('"', "'")
    extension = name[len(name) - len(extension_of(name)) :] if extension_of(name) else ""
    if len(extension) > 10:
        extension = ""
    stem = name[: len(name) - len(extension)] if extension else name
    stem = stem[: MAX_NAME_LENGTH - len(extension)].rstrip(" .")
    return (stem or "berkas") + extension
