import json

import numpy as np
import pytest

from helpers.data import DataError, Split, Splits, load_table, read_table, stratified_indices


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
        ("review,labels\nGut,Preis\n", {"text_column": "review", "label_column": "tags"}, "no label column 'tags'"),
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
