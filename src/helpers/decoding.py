"""Finding and decoding a data file: it exists, its kind by suffix, its encoding (BOMs, UTF-8, legacy code pages),
and its text lines. Named in every message by path and, where it matters, byte offset."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from pathlib import Path

from helpers.errors import DataError, option_hint
from helpers.reporting import note

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def existing_file(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise DataError(f"File not found: {path}. Check the path (relative paths start at {Path.cwd()}).")
    if path.is_dir():
        raise DataError(f"{path} is a folder, not a file. Give the path of the CSV, TSV or JSONL file in it.")
    if path.stat().st_size == 0:
        raise DataError(f"{path} is empty.")
    if not os.access(path, os.R_OK):
        raise DataError(f"{path} cannot be read: no permission. Make it readable (chmod u+r), or copy it somewhere readable.")
    return path


def file_kind(path: Path, allowed: dict[str, str]) -> str:
    kind = allowed.get(path.suffix.lower())
    if kind is None:
        names = ", ".join(sorted(set(allowed)))
        suffix = path.suffix.lower()
        hint = (" Save it from Excel as 'CSV UTF-8'." if suffix in (".xlsx", ".xls", ".ods") else
                f" It is compressed: unpack it first (e.g. {'gunzip' if suffix == '.gz' else 'unzip'} {path.name}), "
                "then load the file inside." if suffix in (".gz", ".zip", ".bz2", ".xz") else "")
        raise DataError(f"{path}: unknown file type {path.suffix.lower()!r}; use {names}.{hint}")
    return kind


def _snippet(raw: bytes, offset: int, encoding: str | None = None) -> str:
    """The text around byte `offset`, quoted; undecodable bytes shown as \\xNN."""
    part = raw[max(0, offset - 20):offset + 20].rstrip(b"\r\n")
    return "'" + part.decode(encoding or "utf-8", errors="backslashreplace") + "'"


def _first_undecodable(path: Path, encoding: str) -> tuple[int, bytes, int] | None:
    """(line number, raw line, offset of the bad byte) of the first line `encoding` cannot decode."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError as error:
                return number, raw, error.start
    return None


def _utf8_scan(path: Path) -> tuple[tuple[int, bytes, int] | None, int | None]:
    """The first line that is not UTF-8, and the first line with UTF-8 letters beyond ASCII."""
    bad, utf8_line = None, None
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                bad = bad or (number, raw, error.start)
                continue
            if utf8_line is None and max(raw, default=0) >= 0x80:
                utf8_line = number
            if bad and utf8_line:
                break
    return bad, utf8_line


def detect_encoding(path: str | Path, encoding: str | None = None) -> str:
    """The encoding to read `path` with, or a `DataError` that says which to pass.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; it never ends up in the data). Without one,
    UTF-8 is expected; a file that is not UTF-8 but decodes as Windows-1252 (what Excel on Windows
    writes) is read as cp1252, with a note that shows a decoded line. A file that mixes encodings,
    or is neither, is refused with the line of the first undecodable byte.
    """
    path = existing_file(path)
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        raise DataError(
            f"{path} is a ZIP archive (an Excel workbook?), not a text file. Save it as 'CSV UTF-8' and use that."
        )
    bom = next((name for mark, name in _BOMS if head.startswith(mark)), None)
    if encoding is not None:
        try:
            wanted = codecs.lookup(encoding).name
        except LookupError:
            raise DataError(
                f"Unknown encoding {encoding!r}; use e.g. 'utf-8', 'cp1252' (Windows), 'latin-1' or 'utf-16'."
            ) from None
        same = bom is not None and codecs.lookup(bom.removesuffix("-sig")).name == wanted.removesuffix("-sig")
        if bom and not same:
            note(f"{path} starts with a {bom.removesuffix('-sig').upper()} byte-order mark, so it is read as {bom}, "
                 f"not {encoding}.")
            return bom
        return "utf-8-sig" if wanted == "utf-8" else wanted
    if bom:
        return bom
    if b"\x00" in head:
        raise DataError(
            f"{path} contains NUL bytes: it is UTF-16 without a byte-order mark, or not a text file. "
            f"If it is text, pass {option_hint('encoding', 'utf-16-le')}, or save it as UTF-8."
        )
    bad, utf8_line = _utf8_scan(path)
    if bad is None:
        return "utf-8-sig"
    line, raw, offset = bad
    where = f"line {line} has byte 0x{raw[offset]:02x} in {_snippet(raw, offset)}"
    if utf8_line is not None:
        raise DataError(
            f"{path} mixes encodings: line {utf8_line} is UTF-8 but {where}, which UTF-8 cannot decode. "
            f"Save the whole file as UTF-8 again (in Excel: 'CSV UTF-8'), or fix line {line}."
        )
    if _first_undecodable(path, "cp1252") is not None:
        raise DataError(
            f"{path} is not UTF-8 ({where}) and not Windows-1252 either. "
            f"Pass its encoding, e.g. {option_hint('encoding', 'latin-1')}, or save it as UTF-8."
        )
    note(
        f"{path} is not UTF-8 ({where}); it decodes as Windows-1252 (cp1252, what Excel on Windows writes), so it "
        f"is read that way: line {line} reads {_snippet(raw, offset, 'cp1252')}. If letters look wrong, pass "
        f"the file's encoding, e.g. {option_hint('encoding', 'latin-1')}, or save the file as UTF-8."
    )
    return "cp1252"


def text_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, decoded lazily (line endings kept: LF, CRLF and CR all end a line)."""
    with path.open("r", encoding=encoding, newline="") as handle:
        try:
            for number, line in enumerate(handle):
                yield line.lstrip("\ufeff") if number == 0 else line
        except UnicodeDecodeError:
            problem = _first_undecodable(path, encoding)
            where = (f"line {problem[0]}, byte 0x{problem[1][problem[2]]:02x} in {_snippet(*problem[1:])}"
                     if problem else "somewhere")
            raise DataError(
                f"{path} cannot be decoded as {encoding} ({where}). Pass the file's encoding, "
                f"e.g. {option_hint('encoding', 'cp1252')}, or save it as UTF-8."
            ) from None
