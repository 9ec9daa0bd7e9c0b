"""The prediction input: texts to label from a .txt, CSV/TSV or JSONL file, streamed record by record with their
line (and id, where the file has one), so that a file of any size can be predicted."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.checks import has_visible_text
from helpers.decoding import detect_encoding, existing_file, file_kind, text_lines
from helpers.errors import DataError, at_lines
from helpers.tables import (MISSING, TABLE_SUFFIXES, choose_delimiter, column_name, is_null, json_records, quote_mode,
                            table_rows)


TEXT_SUFFIXES = {".txt": "txt", **TABLE_SUFFIXES}


@dataclass(frozen=True)
class TextRecord:
    """One text of a prediction input, with where it came from so that results can be joined back.

    line: the line of the file it starts on (1-based; in CSV/TSV the header is line 1).
    row: its number among the file's texts (1-based; blank lines between rows are not counted).
    id: the id column's value (CSV/TSV/JSONL with an id column), else None.
    skipped: why it is not classified ('empty', ...), None when it is.
    """

    line: int
    row: int
    text: str
    id: str | None = None
    skipped: str | None = None


class TextStream:
    """The texts of a .txt (one per line), CSV, TSV or JSONL file, read lazily, in bounded memory.

    Opening it checks the whole file once (encoding, columns, quotes, cells per row, malformed JSON
    lines), so a broken file fails before any prediction is made, and counts the texts (`len`).
    Iterating yields a `TextRecord` per text, in file order. Texts that are empty, only spaces or
    invisible characters, null or not strings are yielded with `skipped` set, not dropped, and
    counted up front with a warning (`skipped`: how many; `skipped_lines`: the first 20 lines).
    """

    def __init__(self, path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                 delimiter: str | None = None, encoding: str | None = None) -> None:
        self.path = existing_file(path)
        self.kind = file_kind(self.path, TEXT_SUFFIXES)
        if self.kind == "json":
            raise DataError(f"{self.path}: for prediction, use JSON Lines (.jsonl, one object per line), read lazily.")
        self.encoding = detect_encoding(self.path, encoding)
        self.text_column, self.id_column = text_column, id_column
        self.delimiter, self.quoting = None, True
        if self.kind in ("csv", "tsv"):
            self.delimiter = choose_delimiter(self.path, self.encoding, self.kind, delimiter, [text_column])
            self.quoting = quote_mode(self.path, self.encoding, self.delimiter, None)
        self.skipped, self.skipped_lines, self._count = 0, [], 0
        for record in self._records():
            self._count += 1
            if record.skipped:
                self.skipped += 1
                if len(self.skipped_lines) < 20:
                    self.skipped_lines.append(record.line)
        if self._count == 0:
            raise DataError(f"{self.path} holds no texts.")
        if self.skipped == self._count:
            raise DataError(
                f"{self.path}: none of its {self._count} texts has visible characters; there is nothing to classify."
            )
        if self.skipped:
            warnings.warn(
                f"{self.path}: {self.skipped} of {self._count} texts are skipped "
                f"({at_lines('line', self.skipped_lines)}): empty, only invisible characters, or not text. They are "
                "yielded with skipped set, so that the results still line up with the file.",
                stacklevel=3,
            )

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[TextRecord]:
        return self._records()

    def _records(self) -> Iterator[TextRecord]:
        if self.kind == "txt":
            yield from self._txt_records()
        elif self.kind == "jsonl":
            yield from self._jsonl_records()
        else:
            yield from self._table_records()

    def _txt_records(self) -> Iterator[TextRecord]:
        for number, line in enumerate(text_lines(self.path, self.encoding), start=1):
            text = line.rstrip("\r\n")
            yield _record(number, number, text, None)

    def _jsonl_records(self) -> Iterator[TextRecord]:
        id_key = self.id_column
        found_text = False
        for row, (number, value) in enumerate(json_records(self.path, self.encoding), start=1):
            if id_key is None and "id" in value:  # from the first object that has one: earlier ones had no id
                id_key = "id"
            found_text = found_text or self.text_column in value
            text = value.get(self.text_column, MISSING)
            identifier = value.get(id_key) if id_key else None
            yield _record(number, row, text, None if identifier is None else str(identifier))
        if not found_text:
            raise DataError(
                f"{self.path}: no object has the text key {self.text_column!r}. Pass the right name, "
                "e.g. text_column='...'."
            )

    def _table_records(self) -> Iterator[TextRecord]:
        header, rows, _ = table_rows(self.path, self.encoding, self.delimiter, self.quoting,
                                      [self.text_column, self.id_column or "id"])
        text_name = column_name(header, self.text_column, self.path, "text")
        id_name = None
        if self.id_column is not None:
            id_name = column_name(header, self.id_column, self.path, "id")
        elif "id" in header:
            id_name = "id"
        text_index = header.index(text_name)
        id_index = header.index(id_name) if id_name else None
        for row, (line, cells) in enumerate(rows, start=1):
            yield _record(line, row, cells[text_index], None if id_index is None else cells[id_index])


def _record(line: int, row: int, text: object, identifier: str | None) -> TextRecord:
    if text is MISSING:
        return TextRecord(line, row, "", identifier, "no text key")
    if is_null(text):
        return TextRecord(line, row, "", identifier, "null")
    if not isinstance(text, str):
        return TextRecord(line, row, str(text), identifier, f"not text ({type(text).__name__})")
    if not text:
        return TextRecord(line, row, text, identifier, "empty")
    if not has_visible_text(text):
        return TextRecord(line, row, text, identifier, "only spaces or invisible characters")
    return TextRecord(line, row, text, identifier)


def stream_texts(path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                 delimiter: str | None = None, encoding: str | None = None) -> TextStream:
    """The texts of a file to predict on, as a lazily read `TextStream` of `TextRecord`s (see there)."""
    return TextStream(path, text_column=text_column, id_column=id_column, delimiter=delimiter, encoding=encoding)


def read_texts(path: str | Path, text_column: str = "text", *, delimiter: str | None = None,
               encoding: str | None = None) -> list[str]:
    """All texts to predict of a file, as a list (skipped ones are left out, with a warning from
    `TextStream` that names their lines). For long files and results that must line up with the
    file, iterate `stream_texts` instead."""
    return [record.text for record in stream_texts(path, text_column=text_column, delimiter=delimiter,
                                                   encoding=encoding) if not record.skipped]
