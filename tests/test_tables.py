"""CSV/TSV/JSONL parsing: rows that do not parse as they look, line numbers, quotes, long cells."""

import json

import pytest

from helpers.data import load_table
from helpers.errors import DataError

from data_files import rows_as_csv, reference_splits, review_rows, same_splits_as, write_text_file


@pytest.mark.parametrize(
    ("edit", "kwargs", "message"),
    [
        (lambda ls: ls[:4] + [ls[4].split(",")[0]] + ls[5:], {}, r"line 5 has 1 cell but the header has 2: the 'labels' cell is missing"),
        (lambda ls: ls[:4] + [ls[4].replace(" über", ", über")] + ls[5:], {}, r"line 5 has 3 cells but the header has 2 .*without quotes"),
        (lambda ls: ls[:4] + ['"' + ls[4]] + ls[5:], {}, r"line 5: a quote \(\"\) opens a cell here and is never closed"),
        (lambda ls: ls[:4] + ['"' + ls[4]] + ls[5:8] + ['Er sagte "ok" dazu,Preis'] + ls[9:], {},
         r"line 9: a quoted cell ends in the middle of this line \(its quote opens on line 5\)"),
        (lambda ls: ls[:4] + ['"' + ls[4]] + ls[5:8] + [ls[8].replace(",", '",', 1)] + ls[9:], {},
         r"line 5: a quote .* closes only on line 9, so lines 5-9 would be read as one cell"),
        (lambda ls: ["text,labels,labels"] + [line + ",x" for line in ls[1:]], {}, "2 columns named 'labels'"),
        (lambda ls: ["text,labels"] + [line.replace(",", ";") for line in ls[1:]], {}, "'labels' cell is missing"),
        (lambda ls: ls, {"delimiter": ""}, "delimiter must be one character"),
        (lambda ls: ls, {"delimiter": ",;"}, "delimiter must be one character"),
    ],
    ids=["short-row", "long-row", "unclosed-quote", "quote-closed-mid-line", "swallowed-rows", "duplicate-column",
         "cells-by-another-delimiter", "empty-delimiter", "two-character-delimiter"],
)
def test_csv_rows_that_do_not_parse_as_they_look_are_reported_by_line(tmp_path, edit, kwargs, message):
    lines = edit(rows_as_csv(review_rows()).splitlines())
    with pytest.raises(DataError, match=message):
        load_table(write_text_file(tmp_path / "broken.csv", "\n".join(lines) + "\n"), **kwargs)

def test_line_numbers_count_blank_lines_and_crlf(tmp_path):
    lines = rows_as_csv(review_rows()).splitlines()
    lines = lines[:1] + [""] + lines[1:5] + [lines[5].split(",")[0]] + lines[6:]
    with pytest.raises(DataError, match=r"line 7 has 1 cell"):
        load_table(write_text_file(tmp_path / "crlf.csv", "\r\n".join(lines) + "\r\n"))

def test_tsv_quotes_left_open_are_plain_text_or_an_error(tmp_path, capsys):
    rows = review_rows()
    lines = rows_as_csv(rows, sep="\t").splitlines()
    lines[4] = '"' + lines[4]
    splits = load_table(write_text_file(tmp_path / "open.tsv", "\n".join(lines) + "\n"))
    assert sum(map(len, (splits.train, splits.validation, splits.test))) == len(rows)  # nothing swallowed
    assert any(text.startswith('"Bewertung 3') for name in ("train", "validation", "test") for text in splits[name].texts)
    assert "open.tsv, line 5: a quote" in capsys.readouterr().err
    lines[9] = '"Er sagte ""ja"""\tPreis'  # this file does use CSV quoting: then the open quote is an error
    with pytest.raises(DataError, match=r"line 10: a quoted cell ends .*opens on line 5"):
        load_table(write_text_file(tmp_path / "quoted.tsv", "\n".join(lines) + "\n"))

@pytest.mark.parametrize(
    ("name", "content", "kwargs", "note"),
    [
        ("semicolon.csv", lambda rows: rows_as_csv(rows, sep=";"), {}, "separated by semicolons, not commas"),
        ("semicolon_given.csv", lambda rows: rows_as_csv(rows, sep=";"), {"delimiter": ";"}, None),
        ("tabs.csv", lambda rows: rows_as_csv(rows, sep="\t"), {}, "separated by tabs, not commas"),
        ("tab_given.csv", lambda rows: rows_as_csv(rows, sep="\t"), {"delimiter": "\\t"}, None),
        ("commas.tsv", lambda rows: rows_as_csv(rows), {}, "separated by commas, not tabs"),
        ("bars.csv", lambda rows: rows_as_csv(rows, sep="|", cell=lambda ls: ";".join(ls)), {"label_delimiter": ";"}, "bars"),
        ("bom.csv", lambda rows: "\ufeff" + rows_as_csv(rows), {}, None),
        ("crlf.csv", lambda rows: rows_as_csv(rows).replace("\n", "\r\n"), {}, None),
        ("blank_lines.csv", lambda rows: rows_as_csv(rows).replace("\n", "\n\n", 3), {}, "skipped 3 blank lines"),
        ("trailing.csv", lambda rows: rows_as_csv(rows).replace("\n", ",\n"), {}, None),
        ("excel_rows.csv", lambda rows: rows_as_csv(rows) + ",\n,,\n", {}, "skipped 2 blank lines"),
        ("spaced_header.csv", lambda rows: rows_as_csv(rows).replace("text,labels", "text , labels"), {}, "spaces around"),
        ("cp1252.csv", lambda rows: rows_as_csv(rows).encode("cp1252"), {}, "it decodes as Windows-1252"),
        ("latin1.csv", lambda rows: rows_as_csv(rows).encode("latin-1"), {"encoding": "latin-1"}, None),
        ("utf16.tsv", lambda rows: rows_as_csv(rows, sep="\t").encode("utf-16"), {}, None),
        ("utf8_bom_given_utf8.csv", lambda rows: ("\ufeff" + rows_as_csv(rows)).encode("utf-8"), {"encoding": "utf-8"}, None),
        ("excel_sep_line.csv", lambda rows: "sep=;\n" + rows_as_csv(rows, sep=";"), {}, "sets the delimiter ';'"),
        ("space_before_quote.csv", lambda rows: rows_as_csv(rows, sep=", ", cell=lambda ls: '"' + "|".join(ls) + '"'), {}, None),
    ],
)
def test_files_with_a_reasonable_reading_load_like_the_clean_file(tmp_path, capsys, name, content, kwargs, note):
    reference = reference_splits(tmp_path)
    capsys.readouterr()
    data = content(review_rows())
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    splits = load_table(path, **kwargs)
    assert same_splits_as(splits, reference)  # same texts (umlauts and all, no BOM), same labels, same split
    err = capsys.readouterr().err
    assert (note in err) if note else err == ""

@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"text": "x", labels: ["Preis"]}'], r"line 4: not valid JSON \(Expecting property name"),
        (['["x", ["Preis"]]'], r"line 4 holds a JSON list, not an object"),
        (['{"text": "x", "labels": ["Preis"]},'], r"line 4: not valid JSON \(Extra data"),
    ],
)
def test_malformed_jsonl_lines_are_reported_by_line_number(tmp_path, lines, message):
    good = [json.dumps({"text": text, "labels": labels}) for text, labels in review_rows()]
    path = write_text_file(tmp_path / "r.jsonl", "\n".join(good[:3] + lines + good[3:]) + "\n")
    with pytest.raises(DataError, match=message):
        load_table(path)
    pretty = write_text_file(tmp_path / "pretty.jsonl", json.dumps([{"text": t, "labels": l} for t, l in review_rows()], indent=2))
    with pytest.raises(DataError, match="line 1: not valid JSON.*one JSON document spread over lines"):
        load_table(pretty)
    with pytest.raises(DataError, match="line 1: not valid JSON.*is it a CSV or TSV file"):
        load_table(write_text_file(tmp_path / "table.jsonl", rows_as_csv(review_rows())))

def test_a_long_text_stays_one_cell(tmp_path):
    rows = review_rows()
    rows[0] = ("lang " * 60_000, rows[0][1])  # 300,000 characters: more than the csv module's default cell limit
    splits = load_table(write_text_file(tmp_path / "long.csv", rows_as_csv(rows)))
    assert max(len(t) for name in ("train", "validation", "test") for t in splits[name].texts) == 300_000
