"""Label cells: lists, delimiters, variants, empty rows, each refusal with its line."""

import json
import warnings

import pytest

from helpers.data import load_table
from helpers.errors import DataError

from data_files import TOPICS, rows_as_csv, reference_splits, review_rows, same_splits_as, write_text_file


def test_a_label_that_looks_joined_by_another_delimiter_warns(tmp_path):
    path = write_text_file(tmp_path / "r.csv", "text,labels\n" + "".join(f"Gut {i},Preis;Lieferung\nNaja {i},Preis\n" for i in range(10)))
    with pytest.warns(UserWarning, match="label_delimiter=';'"):
        load_table(path)


# --- files as people write them (issue 14) -----------------------------------------------------

@pytest.mark.parametrize(
    ("container", "label_delimiter"),
    [(list, "|"), (list, ","), (tuple, "|"), (lambda labels: set(labels[:1]) if len(labels) == 1 else list(labels), "|"),
     (json.dumps, "|")],
    ids=["pandas-list", "pandas-list-comma-delimiter", "pandas-tuple", "pandas-set", "json-string"],
)
def test_list_cells_as_pandas_and_json_write_them_are_read_as_lists(tmp_path, capsys, container, label_delimiter):
    import pandas as pd

    rows = review_rows()
    path = tmp_path / "lists.csv"
    pd.DataFrame({"text": [t for t, _ in rows], "labels": [container(labels) for _, labels in rows]}).to_csv(path, index=False)
    splits = load_table(path, label_delimiter=label_delimiter)
    assert same_splits_as(splits, reference_splits(tmp_path))
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
    rows = review_rows()
    text = rows_as_csv(rows, sep=";").splitlines()
    text[3] = f"{rows[2][0]};{cell}"
    with pytest.raises(DataError, match=rf"bad\.csv, line 4, column 'labels': .*{message}"):
        load_table(write_text_file(tmp_path / "bad.csv", "\n".join(text) + "\n"))

@pytest.mark.parametrize(
    ("suffix", "cell", "what"),
    [
        (".csv", "", "empty"), (".csv", "[]", "empty"), (".csv", "NaN", "missing"), (".csv", "null", "missing"),
        (".csv", "\u200b ", "empty"), (".csv", "set()", "empty"),
        (".jsonl", None, "missing"), (".jsonl", "absent", "missing"), (".jsonl", [], "empty"), (".jsonl", "", "empty"),
    ],
)
def test_rows_without_labels_are_refused_unless_allowed(tmp_path, capsys, suffix, cell, what):
    rows = review_rows()
    path = tmp_path / f"unlabelled{suffix}"
    if suffix == ".csv":
        lines = rows_as_csv(rows).splitlines()
        lines[5] = f"{rows[4][0]},{cell}"
        write_text_file(path, "\n".join(lines) + "\n")
        line = 6
    else:
        objects = [{"text": text, "labels": labels} for text, labels in rows]
        objects[4] = {"text": rows[4][0]} if cell == "absent" else {"text": rows[4][0], "labels": cell}
        write_text_file(path, "\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n")
        line = 5
    with pytest.raises(DataError, match=rf"line {line}: the label cell \(column 'labels'\) is {what}.*allow_empty_labels=True"):
        load_table(path)
    splits = load_table(path, allow_empty_labels=True)
    unlabelled = [i for name in ("train", "validation", "test") for i, t in enumerate(splits[name].texts)
                  if t == rows[4][0] and splits[name].labels[i].sum() == 0]
    assert len(unlabelled) == 1
    assert f"without labels (line {line})" in capsys.readouterr().err

def test_a_file_without_any_label_names_the_column_and_delimiter(tmp_path):
    path = write_text_file(tmp_path / "none.csv", "".join(["text,labels\n"] + [f"Text {i},\n" for i in range(5)]))
    with pytest.raises(DataError, match="no row has a label in column 'labels'"):
        load_table(path, allow_empty_labels=True)

@pytest.mark.parametrize(
    "variant", ["preis leistung", "PREIS LEISTUNG", "Preis  Leistung", "Preis\u00a0Leistung", "Preis\u200b Leistung"],
)
def test_labels_differing_only_in_case_or_spacing_are_merged_with_a_note(tmp_path, capsys, variant):
    topics = ("Preis Leistung", "Lieferung", "Kundenservice")
    rows = review_rows(60, topics)
    changed = [i for i, (_, labels) in enumerate(rows) if labels[0] == "Preis Leistung"][:9]
    varied = [(text, [variant] + labels[1:]) if i in changed else (text, labels) for i, (text, labels) in enumerate(rows)]
    path = write_text_file(tmp_path / "variants.csv", rows_as_csv(varied))
    merged = load_table(path)
    assert merged.label_names == sorted(topics)
    assert same_splits_as(merged, reference_splits(tmp_path, rows))
    note = capsys.readouterr().err
    assert f"{variant!r} (9 rows, first at variants.csv line {changed[0] + 2}) -> 'Preis Leistung'" in note
    assert "label_variants='keep'" in note
    with pytest.warns(UserWarning, match="differ only in case, spacing or trailing punctuation, so they are two separate labels"):
        kept = load_table(path, label_variants="keep")
    assert len(kept.label_names) == 4 and variant in kept.label_names
    with pytest.raises(DataError, match="differ only in case, spacing or trailing punctuation.*label_variants='merge'"):
        load_table(path, label_variants="error")

def test_the_given_label_order_decides_the_spelling(tmp_path):
    rows = [(text, ["preis" if labels[0] == "Preis" else labels[0]] + labels[1:]) for text, labels in review_rows()]
    splits = load_table(write_text_file(tmp_path / "lower.csv", rows_as_csv(rows)), label_order=["Kundenservice", "Lieferung", "Preis"])
    assert splits.label_names == ["Kundenservice", "Lieferung", "Preis"]
    assert splits.train.labels[:, 2].sum() > 0

def test_label_delimiter_and_label_hints(tmp_path):
    path = write_text_file(tmp_path / "r.csv", rows_as_csv(review_rows()))
    with pytest.raises(DataError, match="label_delimiter must be the text between the labels"):
        load_table(path, label_delimiter="")
    with pytest.raises(DataError, match="label_variants must be one of"):
        load_table(path, label_variants="fold")
    whole = load_table(write_text_file(tmp_path / "single.csv", rows_as_csv(review_rows(), cell=lambda labels: labels[0])), label_delimiter=None)
    assert whole.label_names == sorted(TOPICS)
    # a label that merely contains '/' is not taken for two joined labels
    legit = write_text_file(tmp_path / "slash.csv", rows_as_csv(review_rows(), cell=lambda ls: "|".join(l.replace("Preis", "Preis/Leistung") for l in ls)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "Preis/Leistung" in load_table(legit).label_names
    commas = write_text_file(tmp_path / "commas.csv", rows_as_csv(review_rows(), sep=";", cell=",".join))
    with pytest.warns(UserWarning, match="its parts recur as labels"), pytest.raises(
            DataError, match=r"'Kundenservice,Preis' is on only 2 rows.*set label_delimiter=','"):
        load_table(commas)
    assert load_table(commas, label_delimiter=",").label_names == sorted(TOPICS)
    flags = write_text_file(tmp_path / "flags.csv", "".join(["text,labels\n"] + [f"Text {i},{i % 2}\n" for i in range(30)]))
    with pytest.warns(UserWarning, match="yes/no column for one label"):
        load_table(flags)
    for ids in ((0, 1, 2), (3, 10, 7, 1)):  # class ids of an encoding, one per text
        numbered = write_text_file(tmp_path / "ids.csv", "".join(["text,labels\n"] + [f"Text {i},{ids[i % len(ids)]}\n" for i in range(40)]))
        expected = ", ".join(str(i) for i in sorted(ids))
        with pytest.warns(UserWarning, match=rf"every label is a number \({expected}\).*map the ids to names"):
            assert load_table(numbered).label_names == sorted(str(i) for i in ids)

def test_a_label_with_trailing_punctuation_is_merged_into_its_plain_spelling_with_a_note(tmp_path, capsys):
    rows = review_rows()
    rows[1] = (rows[1][0], ["Preis."])
    splits = load_table(write_text_file(tmp_path / "r.csv", rows_as_csv(rows)))
    captured = capsys.readouterr()
    assert "trailing punctuation were merged" in captured.out + captured.err and "Preis." in captured.out + captured.err
    assert "Preis." not in splits.label_names and "Preis" in splits.label_names

def test_rows_that_mix_two_label_delimiters_are_named_as_mixed(tmp_path):
    rows = review_rows()
    text = rows_as_csv(rows).replace("Preis|Lieferung", '"Preis, Lieferung"', 1)
    assert '"Preis, Lieferung"' in text
    with pytest.warns(UserWarning, match="mix two label delimiters.*Write every row with one delimiter"):
        with pytest.raises(DataError, match="while other rows use '\\|': write every row with one delimiter") as error:
            load_table(write_text_file(tmp_path / "r.csv", text))
    assert "set label_delimiter" not in str(error.value)  # switching delimiters would break the other rows


def test_one_zero_one_column_per_label_is_refused_with_the_conversion_naming_the_columns(tmp_path):
    import csv

    path = tmp_path / "wide.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "Preis", "Lieferung", "Kundenservice"])
        for i, (text, labels) in enumerate(review_rows(30)):
            writer.writerow([i, text] + [int(name in labels) for name in ("Preis", "Lieferung", "Kundenservice")])
    with pytest.raises(DataError, match=r"one 0/1 column per label \(3: 'Preis', 'Lieferung', 'Kundenservice'\)") as error:
        load_table(path)
    assert "label_columns = ['Preis', 'Lieferung', 'Kundenservice']" in str(error.value)


def test_a_label_column_missing_never_suggests_the_text_column(tmp_path):
    path = write_text_file(tmp_path / "other.csv", rows_as_csv(review_rows(30), header="text,topics_given"))
    with pytest.raises(DataError, match="label_column='topics_given'"):
        load_table(path)


def test_labels_joined_by_a_semicolon_warn_even_when_their_parts_never_stand_alone(tmp_path):
    rows = [(f"Bewertung {i}", ["Versand;Rechnung"] if i % 5 == 0 else [("Preis", "Lieferung", "Kundenservice")[i % 3]])
            for i in range(90)]
    path = write_text_file(tmp_path / "semi.csv", rows_as_csv(rows))
    with pytest.warns(UserWarning, match="set label_delimiter=';'"):
        load_table(path)
