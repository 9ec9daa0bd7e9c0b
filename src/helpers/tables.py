"""Parsing the tables people bring: CSV, TSV and JSON Lines, row by row.

Every row keeps the number of the line it starts on in the file (1-based, the header is line 1),
so that each message can say where to look. CSV/TSV go through the csv module in strict mode,
JSON Lines through json, one line at a time (decoding: `helpers.decoding`; texts to predict:
`helpers.texts`). Delimiters and quotes that would make a file parse differently from how it looks
are detected: read with a printed note where one reading is clear, refused with the line and the fix
otherwise.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from helpers.decoding import detect_encoding, existing_file, file_kind, text_lines
from helpers.errors import DataError, at_lines, option_hint
from helpers.reporting import note

TABLE_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".json": "json"}
CANDIDATE_DELIMITERS = (",", ";", "\t", "|")
MAX_CELL = 1 << 24  # characters in one CSV cell (csv's default limit, 131,072, is too small for long documents)
# pandas' default missing-value markers: a label cell holding exactly one of them is a missing value
MISSING_MARKERS = frozenset({
    "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
})
_SEP_LINE = re.compile(r"^sep=(.)\s*$")  # Excel's optional first line naming the delimiter


class _Missing:
    """A JSON object without the asked-for key (unlike null, which is an explicit value)."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()


def _one_character(delimiter: object) -> str:
    if isinstance(delimiter, str) and delimiter.lower() in ("\\t", "tab"):
        return "\t"
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in "\"\r\n" or delimiter.isalnum():
        raise DataError(
            f"delimiter must be one character that separates the columns, such as ',', ';', '|' or '\\t' (tab); "
            f"got {delimiter!r}."
        )
    return delimiter


def _header_names(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


def find_column(names: Sequence[str], wanted: str) -> str | None:
    """`wanted` as named in the file: exactly, or with spaces or a BOM around the name."""
    if wanted in names:
        return wanted
    loose = [name for name in names if str(name).strip().strip("\ufeff").strip() == wanted.strip()]
    return loose[0] if len(loose) == 1 else None


def choose_delimiter(path: Path, encoding: str, kind: str, delimiter: str | None, columns: Sequence[str]) -> str:
    """The given delimiter; else the extension's, unless another one is what splits the header into the
    wanted columns (a semicolon CSV from a German spreadsheet), which is then used with a note."""
    if delimiter is not None:
        return _one_character(delimiter)
    default = "\t" if kind == "tsv" else ","
    sample = []
    for line in text_lines(path, encoding):
        if line.strip():
            sample.append(line)
        if len(sample) == 20:
            break
    if not sample:
        return default
    if sample[0].lstrip().startswith("{") and sample[0].rstrip().endswith("}"):
        raise DataError(f"{path}, line 1 is a JSON object: the file looks like JSON Lines. Name it .jsonl.")
    declared = _SEP_LINE.match(sample[0])
    if declared:
        note(f"{path}: the first line {sample[0].strip()!r} (as Excel writes it) sets the delimiter "
             f"{declared.group(1)!r}; it is not read as a row.")
        return _one_character(declared.group(1))
    header = sample[0]
    candidates = (default, *(d for d in CANDIDATE_DELIMITERS if d != default))
    wanted = [column for column in columns if column]
    chosen = default
    if wanted:
        fits = [d for d in candidates if all(find_column(_header_names(header, d), c) for c in wanted)]
        chosen = fits[0] if fits else None
    if not wanted or chosen is None:
        try:
            sniffed = csv.Sniffer().sniff("".join(sample), delimiters="".join(CANDIDATE_DELIMITERS)).delimiter
        except csv.Error:
            sniffed = default
        one_column = len(_header_names(header, default)) == 1
        chosen = sniffed if one_column and len(_header_names(header, sniffed)) > 1 else default
    if chosen != default:
        names = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}
        note(
            f"{path}: the columns are separated by {names[chosen]}, not {names[default]}, so it is read with "
            f"delimiter {chosen!r}. Pass {option_hint('delimiter', chosen)} to say so and skip this check."
        )
    return chosen


def _is_sep_line(cells: list[str], delimiter: str) -> bool:
    """Excel's optional first line 'sep=;', which names the delimiter."""
    return delimiter.join(cells).strip() == f"sep={delimiter}"


class _QuoteProblem(DataError):
    """A quote that makes the file parse differently from how it looks; `line`: where the quote opens."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _raw_records(path: Path, encoding: str, delimiter: str, quoting: bool) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each record, strictly parsed."""
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)  # one text may be long; the default limit is 131,072 characters
    reader = csv.reader(text_lines(path, encoding), delimiter=delimiter, strict=True, skipinitialspace=True,
                        quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE)
    end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            start, now = end + 1, reader.line_num
            text = str(error)
            if "field larger than field limit" in text:
                raise _QuoteProblem(
                    f"{path}, line {start}: a cell that starts here is longer than {MAX_CELL:,} characters: a quote "
                    "(\") opened in it is probably never closed. Close the quote, or write a quote inside a cell as "
                    "two (\"\").",
                    start,
                ) from None
            if "unexpected end of data" in text:
                raise _QuoteProblem(
                    f"{path}, line {start}: a quote (\") opens a cell here and is never closed, so every line after it "
                    "would be read into that one cell. Close the quote, or write a quote inside a cell as two (\"\").",
                    start,
                ) from None
            if "expected after" in text:
                raise _QuoteProblem(
                    f"{path}, line {now}: a quoted cell ends in the middle of this line (its quote opens on line "
                    f"{start}). "
                    "A cell that starts with a quote must end with one, and quotes inside it are doubled (\"\"); "
                    "a cell that does not start with a quote may contain single ones.",
                    start,
                ) from None
            if "NUL" in text:
                raise DataError(
                    f"{path}, line {now} contains a NUL byte: is it a text file? Save it as CSV UTF-8."
                ) from None
            raise DataError(f"{path}, line {now}: {text}.") from None
        start, end = end + 1, reader.line_num
        yield start, end, cells


def _swallowed_rows(multi_line: list[tuple[int, int, list[str]]], delimiter: str, width: int,
                    label_index: int | None, label_cells: set[str]) -> tuple[int, int] | None:
    """The first multi-line record whose inner lines look like rows of their own (a quote left open)."""
    for start, end, cells in multi_line:
        for cell in cells:
            for segment in re.split(r"\r\n|\r|\n", cell)[1:]:
                parts = segment.split(delimiter)
                if delimiter == "\t" and len(parts) > 1:
                    return start, end
                if (len(parts) == width and label_index is not None
                        and parts[label_index].strip() and parts[label_index].strip() in label_cells):
                    return start, end
    return None


def quote_mode(path: Path, encoding: str, delimiter: str, label_column: str | None) -> bool:
    """True to read with CSV quoting (the standard), False for a TSV file whose quotes are plain text.

    One pass over the file (nothing kept but a few multi-line records). A quote left open is reported
    with its line; in a TSV file where every line has the header's number of cells without quoting,
    quotes are read as plain characters instead, with a note.
    """
    problem: _QuoteProblem | None = None
    try:
        records = _raw_records(path, encoding, delimiter, quoting=True)
        header = next((cells for _, _, cells in records
                       if any(c.strip() for c in cells) and not _is_sep_line(cells, delimiter)), [])
        width = len(header)
        label_name = find_column(header, label_column) if label_column else None
        label_index = header.index(label_name) if label_name else None
        multi_line, label_cells = [], set()
        for start, end, cells in records:
            if end > start and len(multi_line) < 50:
                multi_line.append((start, end, cells))
            elif label_index is not None and len(cells) > label_index:
                label_cells.add(cells[label_index].strip())
        swallowed = _swallowed_rows(multi_line, delimiter, width, label_index, label_cells)
        if swallowed:
            start, end = swallowed
            problem = _QuoteProblem(
                f"{path}, line {start}: a quote (\") opens a cell here and closes only on line {end}, so lines "
                f"{start}-{end} would be read as one cell although they look like rows of their own. Close the quote "
                "on its line, or write a quote inside a cell as two (\"\").",
                start,
            )
    except _QuoteProblem as error:
        problem = error
    if problem is None:
        return True
    if delimiter == "\t" and _plain_tsv(path, encoding):
        note(f"{path}, line {problem.line}: a quote (\") opens a cell and does not close on its line. Read with "
             "quoting, lines would merge into one cell; every line has the header's number of tab-separated cells, "
             "so each line is read as one row and quotes are kept as plain characters of the text.")
        return False
    raise problem


def _plain_tsv(path: Path, encoding: str) -> bool:
    """Whether every non-blank line has the same number of tab-separated cells and no doubled quote."""
    widths = set()
    for line in text_lines(path, encoding):
        if '""' in line:
            return False
        if line.strip():
            widths.add(line.count("\t"))
        if len(widths) > 1:
            return False
    return len(widths) == 1


def table_rows(path: Path, encoding: str, delimiter: str, quoting: bool, needed: Sequence[str],
                ) -> tuple[list[str], Iterator[tuple[int, list[str]]], list[int]]:
    """The header and an iterator of (line, cells) with exactly the header's width.

    Cells past the header's width must be empty (trailing delimiters); a row too short to hold a
    needed column, or with extra non-empty cells, is an error with its line. Blank lines and rows of
    only delimiters are skipped; their lines are collected in the returned list.
    """
    records = _raw_records(path, encoding, delimiter, quoting)
    skipped: list[int] = []
    header: list[str] | None = None
    for start, _, cells in records:
        if any(cell.strip() for cell in cells) and not _is_sep_line(cells, delimiter):
            header = [cell.lstrip("\ufeff") for cell in cells]
            break
    if header is None:
        raise DataError(f"{path} holds only blank lines.")
    width = len(header)
    while width > 1 and not header[width - 1].strip():  # trailing delimiters in the header
        width -= 1
    found = [find_column(header[:width], name) for name in needed if name]
    needed_index = {header.index(name): name for name in found if name}

    def rows() -> Iterator[tuple[int, list[str]]]:
        for start, _, cells in records:
            if not any(cell.strip() for cell in cells):
                skipped.append(start)
                continue
            if len(cells) > width and any(cell.strip() for cell in cells[width:]):
                raise DataError(
                    f"{path}, line {start} has {len(cells)} cells but the header has {width} "
                    f"({', '.join(map(repr, header[:width]))}): a cell contains the delimiter {delimiter!r} without "
                    f"quotes (put it in quotes: \"Gut{delimiter} schnell\"), or the header lacks a column name."
                )
            missing = [name for index, name in needed_index.items() if index >= len(cells)]
            if missing:
                raise DataError(
                    f"{path}, line {start} has {len(cells)} cell{'' if len(cells) == 1 else 's'} but the header has "
                    f"{width}: the {missing[0]!r} cell is missing. Add it (an empty cell still needs its delimiter "
                    f"{delimiter!r}), or remove the line."
                )
            yield start, (cells + [""] * width)[:width]

    return header[:width], rows(), skipped


def json_records(path: Path, encoding: str) -> Iterator[tuple[int, dict]]:
    """(line, object) for each non-blank line of a JSON Lines file."""
    example = '{"text": "Kam schnell an", "labels": ["Lieferung"]}'
    for number, line in enumerate(text_lines(path, encoding), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            hint = (" It looks like one JSON document spread over lines: write one object per line, or name the "
                    "file .json." if line.strip() in ("[", "{", "]", "}") else
                    " It does not start with '{': is it a CSV or TSV file? Then name it .csv or .tsv."
                    if not line.lstrip().startswith(("{", "[")) else "")
            raise DataError(
                f"{path}, line {number}: not valid JSON ({error.msg} at column {error.colno}). Each line of a .jsonl "
                f"file must be one complete JSON object, e.g. {example}.{hint}"
            ) from None
        if not isinstance(value, dict):
            raise DataError(
                f"{path}, line {number} holds a JSON {type(value).__name__}, not an object. Each line of a .jsonl file "
                f"must be one object, e.g. {example}."
            )
        yield number, value


def _frame_from_objects(rows: list[tuple[int, dict]], unit: str):
    import pandas as pd

    columns: dict[str, None] = {}
    for _, row in rows:
        columns.update(dict.fromkeys(row))
    data = [[row.get(column, MISSING) for column in columns] for _, row in rows]
    frame = pd.DataFrame(data, columns=list(columns), index=pd.Index([n for n, _ in rows], name=unit), dtype=object)
    frame.attrs["unit"] = unit
    return frame


def _read_json(path: Path, encoding: str):
    import pandas as pd

    with path.open("r", encoding=encoding) as handle:
        text = handle.read()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        hint = " If each line is one object, name the file .jsonl." if error.msg == "Extra data" else ""
        raise DataError(
            f"{path}, line {error.lineno}: not valid JSON ({error.msg} at column {error.colno}).{hint}"
        ) from None
    if isinstance(value, dict):  # pandas' default orient: {"text": {"0": ...}, "labels": {"0": [...]}}
        try:
            value = pd.DataFrame(value).to_dict(orient="records")
        except (ValueError, TypeError):
            value = None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DataError(
            f"{path} is JSON but not a list of objects. Write one object per text, e.g. "
            "df.to_json(path, orient='records', lines=True) for a .jsonl file."
        )
    return _frame_from_objects(list(enumerate(value, start=1)), "item")


def read_table(
    path: str | Path,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    columns: Sequence[str] = (),
) -> "pd.DataFrame":  # noqa: F821
    """Read a CSV, TSV, JSONL or JSON file into a DataFrame whose index is each row's line in the file.

    `columns`: the names the caller needs (text column first, label column second, if any): they
    guide the delimiter detection and the checks for short rows and swallowed rows.
    `delimiter` None: the extension's (',' or tab), unless another of , ; tab | is what splits the
    header into `columns`, which is then used with a note. `encoding`
    None: see `detect_encoding`. Cells are strings (CSV/TSV) or JSON values; a key missing from a
    JSON object is a `<missing>` placeholder, not NaN. Rows are checked as they are read: an
    unclosed quote, a row with extra cells or one too short to hold a needed column is a
    `DataError` with its line.
    """
    import pandas as pd

    path = existing_file(path)
    kind = file_kind(path, TABLE_SUFFIXES)
    encoding = detect_encoding(path, encoding)
    if kind == "jsonl":
        frame = _frame_from_objects(list(json_records(path, encoding)), "line")
    elif kind == "json":
        frame = _read_json(path, encoding)
    else:
        delimiter = choose_delimiter(path, encoding, kind, delimiter, columns)
        label_column = columns[1] if len(columns) > 1 else None
        quoting = quote_mode(path, encoding, delimiter, label_column)
        header, rows, skipped = table_rows(path, encoding, delimiter, quoting, [c for c in columns if c])
        rows = list(rows)
        frame = pd.DataFrame([cells for _, cells in rows], columns=header,
                             index=pd.Index([line for line, _ in rows], name="line"), dtype=object)
        frame.attrs["unit"] = "line"
        if skipped:
            note(f"{path}: skipped {len(skipped)} blank {at_lines('line', skipped)} (no cells).")
    if frame.empty:
        raise DataError(f"{path} has a header but no rows.")
    return frame


def column_values(frame, column: str, path: Path, role: str):
    """The column `column` as a Series indexed by line, or a `DataError` that says what the file has."""
    values = frame[column_name([str(name) for name in frame.columns], column, path, role)]
    values.attrs["unit"] = frame.attrs.get("unit", "row")
    return values


LABEL_LIKE = ("label", "labels", "labels_list", "category", "categories", "topic", "topics", "aspect", "aspects",
              "class", "classes", "primary", "primary_label", "target", "targets", "tags")
ID_LIKE = ("id", "ids", "index", "row", "line", "nr", "no")


TEXT_LIKE = ("text", "texts", "review", "reviews", "comment", "comments", "body", "sentence", "content", "message")


def _likely_column(names: list[str], role: str) -> str:
    """The column to suggest for `role`: for text, not one that looks like labels or ids; for labels, one that does."""
    folded = {name: name.strip().casefold() for name in names}
    if role == "text":
        candidates = [n for n in names if folded[n] not in LABEL_LIKE + ID_LIKE]
    else:
        candidates = [n for n in names if folded[n] in LABEL_LIKE] or [
            n for n in names if folded[n] not in ID_LIKE + TEXT_LIKE]
    return candidates[0] if candidates else "..."


def column_name(names: list[str], column: str, path: Path, role: str) -> str:
    name = find_column(names, column)
    if name is None:
        hint = ""
        near = [n for n in names if n.strip().casefold() == column.strip().casefold()]
        joined = [d for d in CANDIDATE_DELIMITERS if len(names) == 1 and d in names[0]]
        if near:
            hint = f" Did you mean {near[0]!r}? Column names are case-sensitive."
        elif joined:
            hint = (f" The whole header was read as one column: the columns seem separated by {joined[0]!r}; "
                    f"pass {option_hint('delimiter', joined[0])}.")
        elif names and names[0].lstrip().startswith("{"):
            hint = " The file looks like JSON Lines: name it .jsonl."
        elif any(len(n) > 30 or " " in n.strip() for n in names):
            hint = " If the first line is already data, add a header line that names the columns."
        raise DataError(
            f"{path} has no {role} column {column!r}; its columns are {names}.{hint} "
            f"Pass the right name, e.g. {option_hint(f'{role}_column', _likely_column(names, role))}."
        )
    if names.count(name) > 1:
        raise DataError(f"{path} has {names.count(name)} columns named {name!r}. Rename all but one in the header.")
    if name != column:
        note(f"{path}: using the column {name!r} as {role} column {column!r} (the header has spaces around the name).")
    return name


def is_null(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))
