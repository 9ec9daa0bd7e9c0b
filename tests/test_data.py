"""Loading data from every source into Splits: files, primaries, texts, overlaps."""

import json

import numpy as np
import pytest

from helpers.data import load_table, read_table
from helpers.errors import DataError

from data_files import rows_as_csv, review_rows, write_text_file


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
    path = write_text_file(tmp_path / "with_primary.csv", "\n".join(lines))
    splits = load_table(path, primary_column="primary")
    ids = splits.primary_ids("train")
    assert ids.dtype == np.int64
    assert [splits.label_names[i] for i in ids] == splits.train.primary
    multi_hot = splits.to_datasets()
    assert multi_hot["train"].features["labels"].feature.dtype == "float32"
    primary = splits.to_datasets(target="primary")
    assert primary["test"]["labels"] == splits.primary_ids("test").tolist()

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
        write_text_file(path, content)
    with pytest.raises(DataError, match=message):
        load_table(path, **kwargs)

def test_non_string_texts_and_unknown_file_types(tmp_path):
    path = write_text_file(tmp_path / "r.jsonl", '{"text": 42, "labels": ["Preis"]}\n{"text": "ok", "labels": ["Lieferung"]}\n')
    with pytest.raises(DataError, match="int 42, not a string"):
        load_table(path)
    with pytest.raises(DataError, match="unknown file type"):
        read_table(write_text_file(tmp_path / "r.xlsx", "x"))

def test_labels_in_validation_or_test_never_seen_in_training(tmp_path):
    train = write_text_file(tmp_path / "train.csv", "text,labels\nA,Preis\nB,Lieferung\n")
    validation = write_text_file(tmp_path / "validation.csv", "text,labels\nC,Datenschutz\n")
    test = write_text_file(tmp_path / "test.csv", "text,labels\nD,Preis\n")
    with pytest.raises(DataError, match=r"validation split.*\['Datenschutz'\].*add examples"):
        load_table(train, validation, test)
    with pytest.raises(DataError, match="both validation and test"):
        load_table(train, validation)

def test_duplicate_texts_across_splits_warn(tmp_path):
    train = write_text_file(tmp_path / "train.csv", "text,labels\nSuper Lieferung,Lieferung\nZu teuer,Preis\n")
    validation = write_text_file(tmp_path / "validation.csv", "text,labels\nsuper lieferung ,Lieferung\nTeuer,Preis\n")
    test = write_text_file(tmp_path / "test.csv", "text,labels\nGünstig,Preis\nSpät,Lieferung\n")
    with pytest.warns(UserWarning, match="1 texts appear in both train and validation"):
        load_table(train, validation, test)

@pytest.mark.parametrize("blank", ["\u200b", "\ufeff", "\u00a0", "\u00ad", "\u2060\u200c", "\u3164", " \t "])
def test_texts_of_only_invisible_characters_count_as_empty(tmp_path, blank):
    lines = rows_as_csv(review_rows()).splitlines()
    lines[7] = f"{blank},Preis"
    with pytest.raises(DataError, match=r"line 8: the text is empty \(column 'text'"):
        load_table(write_text_file(tmp_path / "r.csv", "\n".join(lines) + "\n"))

def test_primary_labels_and_label_order_are_checked(tmp_path):
    rows = review_rows()
    lines = ["text,labels,primary"] + [f"{t},{'|'.join(ls)},{ls[0] if i != 2 else ''}" for i, (t, ls) in enumerate(rows)]
    with pytest.raises(DataError, match=r"line 4: the primary label \(column 'primary'\) is ''"):
        load_table(write_text_file(tmp_path / "p.csv", "\n".join(lines) + "\n"), primary_column="primary")
    with pytest.raises(DataError, match=r"label_names must be strings, got \[0, 1, 2\]"):
        load_table(write_text_file(tmp_path / "r.csv", rows_as_csv(rows)), label_order=[0, 1, 2])

def test_a_text_column_of_numbers_gets_a_note(tmp_path):
    rows = [(str(1000 + i), labels) for i, (_, labels) in enumerate(review_rows())]
    with pytest.warns(UserWarning, match="are only numbers.*is it the right column"):
        load_table(write_text_file(tmp_path / "r.csv", rows_as_csv(rows)))


def test_every_source_goes_through_load_with_the_subset_cut_and_checked(tmp_path):
    from helpers.data import load, load_embedded

    whole = load("embedded")
    assert whole.sizes() == load_embedded().sizes()
    small = load("embedded", max_train=120, max_eval=60, split_seed=0)
    assert small.sizes() == whole.shrink(120, 60, seed=0).sizes() and small.label_names == whole.label_names
    path = write_text_file(tmp_path / "reviews.csv", rows_as_csv(review_rows(60)))
    assert load(path, split_seed=2).sizes() == load_table(path, seed=2).sizes()
    with pytest.raises(DataError, match="no validation text|no test text|train"):  # a subset too small to tune and test
        load("embedded", max_train=8, max_eval=2)
