import json
import warnings

import numpy as np
import pytest

from helpers.data import Split, Splits, load_table, read_table, stratified_indices
from helpers.errors import DataError


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_one_file_is_split_three_ways_with_float32_multi_hot_labels(reviews_csv):
    splits = load_table(reviews_csv)
    sizes = splits.sizes()
    # iterative stratification balances label shares first, so sizes are close to 70/15/15, not exact
    assert sum(sizes.values()) == 120
    assert abs(sizes["train"] - 84) <= 4 and abs(sizes["validation"] - 18) <= 3
    assert splits.label_names == ["Kundenservice", "Lieferung", "Preis", "Produktqualität"]
    for name in ("train", "validation", "test"):
        assert splits[name].labels.dtype == np.float32
        assert splits[name].labels.shape == (len(splits[name]), 4)
    seen = [set(splits[name].texts) for name in ("train", "validation", "test")]
    assert not (seen[0] & seen[1] or seen[0] & seen[2] or seen[1] & seen[2])


def test_stratified_split_keeps_every_label_share_close():
    rng = np.random.default_rng(0)
    labels = (rng.random((1000, 6)) < [0.5, 0.3, 0.2, 0.1, 0.05, 0.03]).astype(np.float32)
    parts = stratified_indices(labels, (0.7, 0.15, 0.15), seed=0)
    assert sorted(np.concatenate(parts).tolist()) == list(range(1000))
    overall = labels.mean(axis=0)
    for part in parts:
        assert np.abs(labels[part].mean(axis=0) - overall).max() < 0.02


def test_three_files_and_jsonl_lists(tmp_path):
    rows = [{"text": f"Lieferung schnell {i}", "tags": ["Lieferung", "Preis"][: 1 + i % 2] if i % 3 else ["Preis"]}
            for i in range(6)]
    paths = []
    for name in ("train", "validation", "test"):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).replace("schnell", name))
        paths.append(path)
    splits = load_table(*paths, label_column="tags")
    assert splits.label_names == ["Lieferung", "Preis"]
    assert splits.train.labels[:3].tolist() == [[0, 1], [1, 1], [1, 0]]


def test_primary_labels_become_class_ids_and_datasets(reviews_csv, tmp_path):
    text = reviews_csv.read_text().splitlines()
    lines = [text[0] + ",primary"] + [f"{line},{line.rsplit(',', 1)[1].split('|')[0]}" for line in text[1:]]
    path = _write(tmp_path / "with_primary.csv", "\n".join(lines))
    splits = load_table(path, primary_column="primary")
    ids = splits.primary_ids("train")
    assert ids.dtype == np.int64
    assert [splits.label_names[i] for i in ids] == splits.train.primary
    multi_hot = splits.to_datasets()
    assert multi_hot["train"].features["labels"].feature.dtype == "float32"
    primary = splits.to_datasets(target="primary")
    assert primary["test"]["labels"] == splits.primary_ids("test").tolist()


def test_shrink_keeps_the_label_order_and_sizes(reviews_csv):
    small = load_table(reviews_csv).shrink(40, 10)
    sizes = small.sizes()
    assert abs(sizes["train"] - 40) <= 3 and abs(sizes["validation"] - 10) <= 3 and abs(sizes["test"] - 10) <= 3
    assert small.label_names == ["Kundenservice", "Lieferung", "Preis", "Produktqualität"]


@pytest.mark.parametrize(
    ("content", "kwargs", "message"),
    [
        (None, {}, "File not found"),
        ("", {}, "is empty"),
        ("text,labels\n", {}, "header but no rows"),
        ("text\tlabels\nGut\tPreis\n", {"delimiter": ","}, r"read as one column.*pass delimiter='\\t'"),
        ("text,labels\nGut,Preis\n", {"text_column": "review"}, "no text column 'review'"),
        ("review,labels\nGut,Preis\n", {"text_column": "review", "label_column": "tags"},
         r"no label column 'tags'.*e\.g\. label_column='labels' \(command line: --label-column labels\)"),
        ("text,labels\n,Preis\nGut,Lieferung\n", {}, "the text is empty"),
        ("text,labels\nGut,\nSchlecht,\n", {}, "no row has a label"),
        ("text,labels\nGut,Preis\nSchlecht,Preis\n", {}, "only one label"),
    ],
)
def test_bad_files_get_errors_that_say_what_to_do(tmp_path, content, kwargs, message):
    path = tmp_path / "reviews.csv"
    if content is not None:
        _write(path, content)
    with pytest.raises(DataError, match=message):
        load_table(path, **kwargs)


def test_non_string_texts_and_unknown_file_types(tmp_path):
    path = _write(tmp_path / "r.jsonl", '{"text": 42, "labels": ["Preis"]}\n{"text": "ok", "labels": ["Lieferung"]}\n')
    with pytest.raises(DataError, match="int 42, not a string"):
        load_table(path)
    with pytest.raises(DataError, match="unknown file type"):
        read_table(_write(tmp_path / "r.xlsx", "x"))


def test_labels_in_validation_or_test_never_seen_in_training(tmp_path):
    train = _write(tmp_path / "train.csv", "text,labels\nA,Preis\nB,Lieferung\n")
    validation = _write(tmp_path / "validation.csv", "text,labels\nC,Datenschutz\n")
    test = _write(tmp_path / "test.csv", "text,labels\nD,Preis\n")
    with pytest.raises(DataError, match=r"validation split.*\['Datenschutz'\].*add examples"):
        load_table(train, validation, test)
    with pytest.raises(DataError, match="both validation and test"):
        load_table(train, validation)


def test_duplicate_texts_across_splits_warn(tmp_path):
    train = _write(tmp_path / "train.csv", "text,labels\nSuper Lieferung,Lieferung\nZu teuer,Preis\n")
    validation = _write(tmp_path / "validation.csv", "text,labels\nsuper lieferung ,Lieferung\nTeuer,Preis\n")
    test = _write(tmp_path / "test.csv", "text,labels\nGünstig,Preis\nSpät,Lieferung\n")
    with pytest.warns(UserWarning, match="1 texts appear in both train and validation"):
        load_table(train, validation, test)


def test_split_shapes_are_checked():
    with pytest.raises(DataError, match="2 texts but labels of shape"):
        Split(["a", "b"], np.zeros((3, 2)))
    part = Split(["a"], np.zeros((1, 2)))
    with pytest.raises(DataError, match="3 label names"):
        Splits(part, part, part, label_names=["x", "y", "z"])


def test_a_label_that_looks_joined_by_another_delimiter_warns(tmp_path):
    path = _write(tmp_path / "r.csv", "text,labels\n" + "".join(f"Gut {i},Preis;Lieferung\nNaja {i},Preis\n" for i in range(10)))
    with pytest.warns(UserWarning, match="label_delimiter=';'"):
        load_table(path)


# --- files as people write them (issue 14) -----------------------------------------------------

TOPICS = ("Preis", "Lieferung", "Kundenservice")


def _rows(n: int = 30, topics=TOPICS) -> list[tuple[str, list[str]]]:
    """n texts; every label on about a third of them, some texts with two labels."""
    rows = []
    for i in range(n):
        labels = [topics[i % 3]] + ([topics[(i + 1) % 3]] if i % 4 == 0 else [])
        rows.append((f"Bewertung {i} über {labels[0]}", labels))
    return rows


def _csv_text(rows, sep: str = ",", cell=lambda labels: "|".join(labels), header: str = "text,labels") -> str:
    return "\n".join([header.replace(",", sep)] + [f"{text}{sep}{cell(labels)}" for text, labels in rows]) + "\n"


def _same_splits(a, b) -> bool:
    return a.label_names == b.label_names and all(
        a[name].texts == b[name].texts and np.array_equal(a[name].labels, b[name].labels)
        for name in ("train", "validation", "test")
    )


def _reference(tmp_path, rows=None):
    return load_table(_write(tmp_path / "reference.csv", _csv_text(rows or _rows())))


@pytest.mark.parametrize(
    ("container", "label_delimiter"),
    [(list, "|"), (list, ","), (tuple, "|"), (lambda labels: set(labels[:1]) if len(labels) == 1 else list(labels), "|"),
     (json.dumps, "|")],
    ids=["pandas-list", "pandas-list-comma-delimiter", "pandas-tuple", "pandas-set", "json-string"],
)
def test_list_cells_as_pandas_and_json_write_them_are_read_as_lists(tmp_path, capsys, container, label_delimiter):
    import pandas as pd

    rows = _rows()
    path = tmp_path / "lists.csv"
    pd.DataFrame({"text": [t for t, _ in rows], "labels": [container(labels) for _, labels in rows]}).to_csv(path, index=False)
    splits = load_table(path, label_delimiter=label_delimiter)
    assert _same_splits(splits, _reference(tmp_path))
    assert splits.label_names == sorted(TOPICS)  # not "['Preis', 'Lieferung']", not "['Preis'"
    assert "read as lists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("[Preis, Lieferung]", "neither Python nor JSON can read it. Quote each name"),
        ("[__import__('os').getcwd()]", "neither Python nor JSON can read it"),  # literals only: code is never run
        ("['Preis' 'Lieferung']", "without commas between them"),
        ("[0, 3]", "holds the number 0: label sets hold label names, and numbers look like label indices"),
        ('["Preis", 2.5]', "holds the number 2.5"),
        ("['Preis', None]", "holds null"),
        ("['Preis'", "looks like a piece of a list"),
        ("Lieferung]", "looks like a piece of a list"),
        ("{'Preis': 1, 'Lieferung': 0}", "is a dict"),
        ("'Preis'", "has quotes around it"),
        ("'Preis", "starts or ends with a stray quote"),
    ],
)
def test_label_cells_that_cannot_be_read_are_refused_with_line_and_column(tmp_path, cell, message):
    rows = _rows()
    text = _csv_text(rows, sep=";").splitlines()
    text[3] = f"{rows[2][0]};{cell}"
    with pytest.raises(DataError, match=rf"bad\.csv, line 4, column 'labels': .*{message}"):
        load_table(_write(tmp_path / "bad.csv", "\n".join(text) + "\n"))


@pytest.mark.parametrize(
    ("suffix", "cell", "what"),
    [
        (".csv", "", "empty"), (".csv", "[]", "empty"), (".csv", "NaN", "missing"), (".csv", "null", "missing"),
        (".csv", "\u200b ", "empty"), (".csv", "set()", "empty"),
        (".jsonl", None, "missing"), (".jsonl", "absent", "missing"), (".jsonl", [], "empty"), (".jsonl", "", "empty"),
    ],
)
def test_rows_without_labels_are_refused_unless_allowed(tmp_path, capsys, suffix, cell, what):
    rows = _rows()
    path = tmp_path / f"unlabelled{suffix}"
    if suffix == ".csv":
        lines = _csv_text(rows).splitlines()
        lines[5] = f"{rows[4][0]},{cell}"
        _write(path, "\n".join(lines) + "\n")
        line = 6
    else:
        objects = [{"text": text, "labels": labels} for text, labels in rows]
        objects[4] = {"text": rows[4][0]} if cell == "absent" else {"text": rows[4][0], "labels": cell}
        _write(path, "\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n")
        line = 5
    with pytest.raises(DataError, match=rf"line {line}: the label cell \(column 'labels'\) is {what}.*allow_empty_labels=True"):
        load_table(path)
    splits = load_table(path, allow_empty_labels=True)
    unlabelled = [i for name in ("train", "validation", "test") for i, t in enumerate(splits[name].texts)
                  if t == rows[4][0] and splits[name].labels[i].sum() == 0]
    assert len(unlabelled) == 1
    assert f"without labels (line {line})" in capsys.readouterr().err


def test_a_file_without_any_label_names_the_column_and_delimiter(tmp_path):
    path = _write(tmp_path / "none.csv", "".join(["text,labels\n"] + [f"Text {i},\n" for i in range(5)]))
    with pytest.raises(DataError, match="no row has a label in column 'labels'"):
        load_table(path, allow_empty_labels=True)


@pytest.mark.parametrize(
    "variant", ["preis leistung", "PREIS LEISTUNG", "Preis  Leistung", "Preis\u00a0Leistung", "Preis\u200b Leistung"],
)
def test_labels_differing_only_in_case_or_spacing_are_merged_with_a_note(tmp_path, capsys, variant):
    topics = ("Preis Leistung", "Lieferung", "Kundenservice")
    rows = _rows(60, topics)
    changed = [i for i, (_, labels) in enumerate(rows) if labels[0] == "Preis Leistung"][:9]
    varied = [(text, [variant] + labels[1:]) if i in changed else (text, labels) for i, (text, labels) in enumerate(rows)]
    path = _write(tmp_path / "variants.csv", _csv_text(varied))
    merged = load_table(path)
    assert merged.label_names == sorted(topics)
    assert _same_splits(merged, _reference(tmp_path, rows))
    note = capsys.readouterr().err
    assert f"{variant!r} (9 rows, first at variants.csv line {changed[0] + 2}) -> 'Preis Leistung'" in note
    assert "label_variants='keep'" in note
    with pytest.warns(UserWarning, match="differ only in case, spacing or trailing punctuation, so they are two separate labels"):
        kept = load_table(path, label_variants="keep")
    assert len(kept.label_names) == 4 and variant in kept.label_names
    with pytest.raises(DataError, match="differ only in case, spacing or trailing punctuation.*label_variants='merge'"):
        load_table(path, label_variants="error")


def test_the_given_label_order_decides_the_spelling(tmp_path):
    rows = [(text, ["preis" if labels[0] == "Preis" else labels[0]] + labels[1:]) for text, labels in _rows()]
    splits = load_table(_write(tmp_path / "lower.csv", _csv_text(rows)), label_order=["Kundenservice", "Lieferung", "Preis"])
    assert splits.label_names == ["Kundenservice", "Lieferung", "Preis"]
    assert splits.train.labels[:, 2].sum() > 0


def test_label_delimiter_and_label_hints(tmp_path):
    path = _write(tmp_path / "r.csv", _csv_text(_rows()))
    with pytest.raises(DataError, match="label_delimiter must be the text between the labels"):
        load_table(path, label_delimiter="")
    with pytest.raises(DataError, match="label_variants must be one of"):
        load_table(path, label_variants="fold")
    whole = load_table(_write(tmp_path / "single.csv", _csv_text(_rows(), cell=lambda labels: labels[0])), label_delimiter=None)
    assert whole.label_names == sorted(TOPICS)
    # a label that merely contains '/' is not taken for two joined labels
    legit = _write(tmp_path / "slash.csv", _csv_text(_rows(), cell=lambda ls: "|".join(l.replace("Preis", "Preis/Leistung") for l in ls)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "Preis/Leistung" in load_table(legit).label_names
    commas = _write(tmp_path / "commas.csv", _csv_text(_rows(), sep=";", cell=",".join))
    with pytest.warns(UserWarning, match="its parts recur as labels"), pytest.raises(
            DataError, match=r"'Kundenservice,Preis' is on only 2 rows.*set label_delimiter=','"):
        load_table(commas)
    assert load_table(commas, label_delimiter=",").label_names == sorted(TOPICS)
    flags = _write(tmp_path / "flags.csv", "".join(["text,labels\n"] + [f"Text {i},{i % 2}\n" for i in range(30)]))
    with pytest.warns(UserWarning, match="yes/no column for one label"):
        load_table(flags)
    for ids in ((0, 1, 2), (3, 10, 7, 1)):  # class ids of an encoding, one per text
        numbered = _write(tmp_path / "ids.csv", "".join(["text,labels\n"] + [f"Text {i},{ids[i % len(ids)]}\n" for i in range(40)]))
        expected = ", ".join(str(i) for i in sorted(ids))
        with pytest.warns(UserWarning, match=rf"every label is a number \({expected}\).*map the ids to names"):
            assert load_table(numbered).label_names == sorted(str(i) for i in ids)


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
    lines = edit(_csv_text(_rows()).splitlines())
    with pytest.raises(DataError, match=message):
        load_table(_write(tmp_path / "broken.csv", "\n".join(lines) + "\n"), **kwargs)


def test_line_numbers_count_blank_lines_and_crlf(tmp_path):
    lines = _csv_text(_rows()).splitlines()
    lines = lines[:1] + [""] + lines[1:5] + [lines[5].split(",")[0]] + lines[6:]
    with pytest.raises(DataError, match=r"line 7 has 1 cell"):
        load_table(_write(tmp_path / "crlf.csv", "\r\n".join(lines) + "\r\n"))


def test_tsv_quotes_left_open_are_plain_text_or_an_error(tmp_path, capsys):
    rows = _rows()
    lines = _csv_text(rows, sep="\t").splitlines()
    lines[4] = '"' + lines[4]
    splits = load_table(_write(tmp_path / "open.tsv", "\n".join(lines) + "\n"))
    assert sum(map(len, (splits.train, splits.validation, splits.test))) == len(rows)  # nothing swallowed
    assert any(text.startswith('"Bewertung 3') for name in ("train", "validation", "test") for text in splits[name].texts)
    assert "open.tsv, line 5: a quote" in capsys.readouterr().err
    lines[9] = '"Er sagte ""ja"""\tPreis'  # this file does use CSV quoting: then the open quote is an error
    with pytest.raises(DataError, match=r"line 10: a quoted cell ends .*opens on line 5"):
        load_table(_write(tmp_path / "quoted.tsv", "\n".join(lines) + "\n"))


@pytest.mark.parametrize(
    ("name", "content", "kwargs", "note"),
    [
        ("semicolon.csv", lambda rows: _csv_text(rows, sep=";"), {}, "separated by semicolons, not commas"),
        ("semicolon_given.csv", lambda rows: _csv_text(rows, sep=";"), {"delimiter": ";"}, None),
        ("tabs.csv", lambda rows: _csv_text(rows, sep="\t"), {}, "separated by tabs, not commas"),
        ("tab_given.csv", lambda rows: _csv_text(rows, sep="\t"), {"delimiter": "\\t"}, None),
        ("commas.tsv", lambda rows: _csv_text(rows), {}, "separated by commas, not tabs"),
        ("bars.csv", lambda rows: _csv_text(rows, sep="|", cell=lambda ls: ";".join(ls)), {"label_delimiter": ";"}, "bars"),
        ("bom.csv", lambda rows: "\ufeff" + _csv_text(rows), {}, None),
        ("crlf.csv", lambda rows: _csv_text(rows).replace("\n", "\r\n"), {}, None),
        ("blank_lines.csv", lambda rows: _csv_text(rows).replace("\n", "\n\n", 3), {}, "skipped 3 blank lines"),
        ("trailing.csv", lambda rows: _csv_text(rows).replace("\n", ",\n"), {}, None),
        ("excel_rows.csv", lambda rows: _csv_text(rows) + ",\n,,\n", {}, "skipped 2 blank lines"),
        ("spaced_header.csv", lambda rows: _csv_text(rows).replace("text,labels", "text , labels"), {}, "spaces around"),
        ("cp1252.csv", lambda rows: _csv_text(rows).encode("cp1252"), {}, "it decodes as Windows-1252"),
        ("latin1.csv", lambda rows: _csv_text(rows).encode("latin-1"), {"encoding": "latin-1"}, None),
        ("utf16.tsv", lambda rows: _csv_text(rows, sep="\t").encode("utf-16"), {}, None),
        ("utf8_bom_given_utf8.csv", lambda rows: ("\ufeff" + _csv_text(rows)).encode("utf-8"), {"encoding": "utf-8"}, None),
        ("excel_sep_line.csv", lambda rows: "sep=;\n" + _csv_text(rows, sep=";"), {}, "sets the delimiter ';'"),
        ("space_before_quote.csv", lambda rows: _csv_text(rows, sep=", ", cell=lambda ls: '"' + "|".join(ls) + '"'), {}, None),
    ],
)
def test_files_with_a_reasonable_reading_load_like_the_clean_file(tmp_path, capsys, name, content, kwargs, note):
    reference = _reference(tmp_path)
    capsys.readouterr()
    data = content(_rows())
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    splits = load_table(path, **kwargs)
    assert _same_splits(splits, reference)  # same texts (umlauts and all, no BOM), same labels, same split
    err = capsys.readouterr().err
    assert (note in err) if note else err == ""


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        (_csv_text(_rows()).encode("cp1252"), {"encoding": "utf-8"}, r"cannot be decoded as utf-8-sig \(line 2, byte 0xfc.*encoding='cp1252'"),
        (_csv_text(_rows()).encode("utf-8") + "Größe,Preis\n".encode("cp1252"), {}, r"mixes encodings: line 2 is UTF-8 but line 32"),
        (_csv_text(_rows()).encode("cp1252") + b"\x81\n", {}, r"not UTF-8 \(line 2.*not Windows-1252 either.*encoding="),
        (_csv_text(_rows()).encode("utf-8"), {"encoding": "klingon"}, "Unknown encoding 'klingon'"),
        (_csv_text(_rows()).encode("utf-16-le"), {}, r"NUL bytes.*encoding='utf-16-le'"),
        (b"PK\x03\x04\x14\x00workbook", {}, "ZIP archive"),
        (b'{"text": "Gut", "labels": ["Preis"]}\n', {}, "line 1 is a JSON object: the file looks like JSON Lines"),
    ],
    ids=["cp1252-read-as-utf8", "mixed", "neither", "unknown-encoding", "utf16-without-bom", "xlsx-renamed", "jsonl-named-csv"],
)
def test_encoding_problems_say_where_and_what_to_pass(tmp_path, data, kwargs, message):
    path = tmp_path / "enc.csv"
    path.write_bytes(data)
    with pytest.raises(DataError, match=message):
        load_table(path, **kwargs)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"text": "x", labels: ["Preis"]}'], r"line 4: not valid JSON \(Expecting property name"),
        (['["x", ["Preis"]]'], r"line 4 holds a JSON list, not an object"),
        (['{"text": "x", "labels": ["Preis"]},'], r"line 4: not valid JSON \(Extra data"),
    ],
)
def test_malformed_jsonl_lines_are_reported_by_line_number(tmp_path, lines, message):
    good = [json.dumps({"text": text, "labels": labels}) for text, labels in _rows()]
    path = _write(tmp_path / "r.jsonl", "\n".join(good[:3] + lines + good[3:]) + "\n")
    with pytest.raises(DataError, match=message):
        load_table(path)
    pretty = _write(tmp_path / "pretty.jsonl", json.dumps([{"text": t, "labels": l} for t, l in _rows()], indent=2))
    with pytest.raises(DataError, match="line 1: not valid JSON.*one JSON document spread over lines"):
        load_table(pretty)
    with pytest.raises(DataError, match="line 1: not valid JSON.*is it a CSV or TSV file"):
        load_table(_write(tmp_path / "table.jsonl", _csv_text(_rows())))


def test_a_long_text_stays_one_cell(tmp_path):
    rows = _rows()
    rows[0] = ("lang " * 60_000, rows[0][1])  # 300,000 characters: more than the csv module's default cell limit
    splits = load_table(_write(tmp_path / "long.csv", _csv_text(rows)))
    assert max(len(t) for name in ("train", "validation", "test") for t in splits[name].texts) == 300_000


@pytest.mark.parametrize("blank", ["\u200b", "\ufeff", "\u00a0", "\u00ad", "\u2060\u200c", "\u3164", " \t "])
def test_texts_of_only_invisible_characters_count_as_empty(tmp_path, blank):
    lines = _csv_text(_rows()).splitlines()
    lines[7] = f"{blank},Preis"
    with pytest.raises(DataError, match=r"line 8: the text is empty \(column 'text'"):
        load_table(_write(tmp_path / "r.csv", "\n".join(lines) + "\n"))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Gut", ["Preis", "Lieferung"])], r"has 1 row\. It is split into train, validation and test, which needs at least 3"),
        (_rows(5), r"'Kundenservice' is on only 2 rows \(lines 4, 6\).*Split three ways, each label needs at least 3"),
        (_rows() + [("Datenschutz", ["Datenschutz"])], r"'Datenschutz' is on only 1 row \(line 32\)"),
        ([(t, labels + ["Alle"]) for t, labels in _rows()], r"the label 'Alle' is on every row \(30\)"),
    ],
    ids=["one-row", "handful", "label-once", "label-on-every-row"],
)
def test_too_little_data_is_refused_before_training(tmp_path, rows, message):
    with pytest.raises(DataError, match=message):
        load_table(_write(tmp_path / "small.csv", _csv_text(rows)))


def test_check_trainable_names_what_each_split_lacks(tmp_path):
    from helpers.data import check_trainable

    rows = _rows()
    train = _write(tmp_path / "train.csv", _csv_text(rows))
    other = [(text.replace("Bewertung", "Meinung"), labels) for text, labels in rows]
    validation = _write(tmp_path / "validation.csv", _csv_text([r for r in other if "Preis" not in r[1]]))
    test = _write(tmp_path / "test.csv", _csv_text(other[:6]))
    with pytest.raises(DataError, match=r"'Preis': no validation text with it \(in .*validation\.csv\).*threshold is tuned there"):
        load_table(train, validation, test)
    everywhere = _write(tmp_path / "all.csv", _csv_text([(t, labels + ["Alle"]) for t, labels in rows[:6]]))
    with pytest.raises(DataError, match=r"'Alle': it is on all 6 training texts"):
        load_table(everywhere, test, test)
    with pytest.warns(UserWarning, match="appear in both validation and test"):
        splits = load_table(train, test, test)
    check_trainable(splits)
    part = Split(["a", "b"], np.array([[1, 0], [0, 1]]))
    with pytest.raises(DataError, match="the test split is empty"):
        check_trainable(Splits(part, part, Split([], np.zeros((0, 2))), label_names=["x", "y"]))
    with pytest.raises(DataError, match="'y': no training text with it"):
        check_trainable(Splits(Split(["a", "b"], np.array([[1, 0], [0, 0]])), part, part, label_names=["x", "y"]))


def test_primary_labels_and_label_order_are_checked(tmp_path):
    rows = _rows()
    lines = ["text,labels,primary"] + [f"{t},{'|'.join(ls)},{ls[0] if i != 2 else ''}" for i, (t, ls) in enumerate(rows)]
    with pytest.raises(DataError, match=r"line 4: the primary label \(column 'primary'\) is ''"):
        load_table(_write(tmp_path / "p.csv", "\n".join(lines) + "\n"), primary_column="primary")
    with pytest.raises(DataError, match=r"label_names must be strings, got \[0, 1, 2\]"):
        load_table(_write(tmp_path / "r.csv", _csv_text(rows)), label_order=[0, 1, 2])


def test_a_label_with_trailing_punctuation_is_merged_into_its_plain_spelling_with_a_note(tmp_path, capsys):
    rows = _rows()
    rows[1] = (rows[1][0], ["Preis."])
    splits = load_table(_write(tmp_path / "r.csv", _csv_text(rows)))
    captured = capsys.readouterr()
    assert "trailing punctuation were merged" in captured.out + captured.err and "Preis." in captured.out + captured.err
    assert "Preis." not in splits.label_names and "Preis" in splits.label_names


def test_rows_that_mix_two_label_delimiters_are_named_as_mixed(tmp_path):
    rows = _rows()
    text = _csv_text(rows).replace("Preis|Lieferung", '"Preis, Lieferung"', 1)
    assert '"Preis, Lieferung"' in text
    with pytest.warns(UserWarning, match="mix two label delimiters.*Write every row with one delimiter"):
        with pytest.raises(DataError, match="while other rows use '\\|': write every row with one delimiter") as error:
            load_table(_write(tmp_path / "r.csv", text))
    assert "set label_delimiter" not in str(error.value)  # switching delimiters would break the other rows


def test_a_text_column_of_numbers_gets_a_note(tmp_path):
    rows = [(str(1000 + i), labels) for i, (_, labels) in enumerate(_rows())]
    with pytest.warns(UserWarning, match="are only numbers.*is it the right column"):
        load_table(_write(tmp_path / "r.csv", _csv_text(rows)))
