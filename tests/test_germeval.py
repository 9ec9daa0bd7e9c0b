"""GermEval 2017 loader, tested offline on an invented sample in the original TSV format.

The fixture's lines: 1-18 train, 19-22 validation, 23-25 test_syn, 26-28 test_dia. Every quirk of
the real files is in it: ``\\_`` in ids (all lines), trailing space after the aspects (most),
repeated categories (2, 8), a split-off polarity (3), a misspelled polarity (4), an empty
aspects field on an irrelevant document (6), fewer fields (7), an extra empty field before (9)
and after (10) the aspects, an empty text (17) and a category unseen in train (21).
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest

from helpers import germeval
from helpers.data import Splits
from helpers.errors import DataError
from helpers.germeval import (
    GERMEVAL_FILES,
    GermEvalDocument,
    documents_to_splits,
    download_germeval2017,
    load_germeval2017,
    normalize_polarity,
    parse_aspects,
    parse_germeval_file,
    parse_germeval_line,
    top_categories,
)

FIXTURE = Path(__file__).parent / "fixtures" / "germeval2017_sample.tsv"
PARTS = {"train": (0, 18), "validation": (18, 22), "test_syn": (22, 25), "test_dia": (25, 28)}
TRAIN_RANKING = [
    ("Allgemein", 7),
    ("Zugfahrt", 4),
    ("Atmosphäre", 3),
    ("Sonstige_Unregelmässigkeiten", 3),
    ("Connectivity", 2),
    ("Ticketkauf", 2),
    ("Auslastung_und_Platzangebot", 1),
    ("DB_App_und_Website", 1),
    ("Informationen", 1),
    ("Service_und_Kundenbetreuung", 1),
    ("Sicherheit", 1),
]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return FIXTURE.read_text(encoding="utf-8").split("\n")[:28]


@pytest.fixture(scope="module")
def documents() -> list[GermEvalDocument]:
    return parse_germeval_file(FIXTURE)


@pytest.fixture(scope="module")
def parts(documents) -> dict[str, list[GermEvalDocument]]:
    return {name: documents[start:stop] for name, (start, stop) in PARTS.items()}


@pytest.fixture
def germeval_dir(tmp_path, lines) -> Path:
    """The fixture split into the four files, under their Hub names."""
    for name, (start, stop) in PARTS.items():
        (tmp_path / GERMEVAL_FILES[name]).write_text("\n".join(lines[start:stop]) + "\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def no_hub(monkeypatch):
    """hf_hub_download as it fails without a network: LocalEntryNotFoundError (huggingface_hub >= 1.0)."""
    from huggingface_hub.errors import LocalEntryNotFoundError

    calls = []

    def offline(**kwargs):
        calls.append(kwargs)
        raise LocalEntryNotFoundError(
            "An error happened while trying to locate the file on the Hub and we cannot find the "
            "requested files in the local cache."
        )

    monkeypatch.setattr("huggingface_hub.hf_hub_download", offline)
    return calls


# --- parsing ------------------------------------------------------------------------------


def test_file_has_all_documents(documents):
    assert len(documents) == 28
    assert all(isinstance(d, GermEvalDocument) for d in documents)


def test_plain_line(documents):
    first = documents[0]
    assert first.doc_id == "http://twitter.com/pendler_koeln/statuses/711111111111111101"
    assert first.text.startswith("@DB_Bahn Schon wieder 20 Minuten Verspätung")
    assert first.relevant is True
    assert first.sentiment == "negative"
    assert first.categories == {"Zugfahrt", "Informationen"}
    assert first.opinions == [("Zugfahrt", "negative"), ("Informationen", "negative")]


def test_escaped_underscores_in_ids_are_unescaped(documents, lines):
    assert "\\_" in lines[1]
    assert documents[1].doc_id == "http://twitter.com/lena_auf_reisen/statuses/711111111111111102"
    assert not any("\\" in d.doc_id for d in documents)


def test_trailing_space_after_aspects_leaves_no_empty_opinion(documents, lines):
    assert lines[4].endswith(":neutral ")
    assert documents[4].opinions == [("Allgemein", "neutral")]


def test_subcategory_is_dropped_and_repeats_fold_to_a_set(documents):
    assert documents[1].categories == {"Atmosphäre"}  # Atmosphäre#Haupt + Atmosphäre#Sauberkeit
    assert len(documents[1].opinions) == 2
    assert documents[7].categories == {"Zugfahrt", "Sonstige_Unregelmässigkeiten"}
    assert [c for c, _ in documents[7].opinions].count("Zugfahrt") == 2


def test_split_off_polarity_is_reattached(documents, lines):
    assert "Connectivity#Haupt: negative" in lines[2]
    assert documents[2].opinions == [("Connectivity", "negative")]


def test_misspelled_polarity_is_normalised(documents, lines):
    assert ":positve" in lines[3]
    assert documents[3].opinions == [("Ticketkauf", "positive")]


def test_irrelevant_documents_have_no_aspects(documents, lines):
    assert lines[5].count("\t") == 4 and lines[6].count("\t") == 3  # empty aspects field / no aspects field
    for document in (documents[5], documents[6]):
        assert document.relevant is False
        assert document.sentiment == "neutral"
        assert document.categories == set() and document.opinions == []


def test_extra_empty_fields(documents, lines):
    assert "negative\t\tSonstige" in lines[8]
    assert documents[8].sentiment == "negative"
    assert documents[8].categories == {"Sonstige_Unregelmässigkeiten", "Allgemein"}
    assert lines[9].endswith("\t")
    assert documents[9].categories == {"Atmosphäre", "Zugfahrt"}


def test_empty_text_is_parsed_not_rejected(documents):
    assert documents[16].text == ""
    assert documents[16].relevant is False


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("positive", "positive"), ("positve", "positive"), ("Negativ", "negative"), (" neutral ", "neutral"),
     ("mixed", "mixed"), ("", "")],
)
def test_normalize_polarity(raw, expected):
    assert normalize_polarity(raw) == expected


def test_parse_aspects_edge_cases():
    assert parse_aspects("") == []
    assert parse_aspects("Allgemein#Haupt :negative Zugfahrt:\tpositiv") == [
        ("Allgemein", "negative"),
        ("Zugfahrt", "positive"),
    ]
    assert parse_aspects("Image:mixed negative") == [("Image", "mixed")]  # unknown kept, stray polarity ignored
    assert parse_aspects("Gepäck") == [("Gepäck", "")]


def test_line_with_only_id_and_text():
    document = parse_germeval_line("http://example.org/a\\_b\tNur Text ohne Labels")
    assert document == GermEvalDocument("http://example.org/a_b", "Nur Text ohne Labels", False, "", set(), [])


def test_extra_empty_field_before_relevance():
    document = parse_germeval_line("id\tText\t\ttrue\tnegative\tZugfahrt#Haupt:negative ")
    assert (document.text, document.relevant, document.categories) == ("Text", True, {"Zugfahrt"})


def test_hopeless_line_names_its_number():
    with pytest.raises(DataError, match="Line 7"):
        parse_germeval_line("just one field without tabs", line_number=7)


def test_bad_file_names_path_and_line(tmp_path):
    path = tmp_path / "broken.tsv"
    path.write_text("id\tText\ttrue\tneutral\t\nkaputt\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.tsv.*Line 2"):
        parse_germeval_file(path)
    with pytest.warns(UserWarning, match="skipped 1 malformed"):
        assert len(parse_germeval_file(path, skip_malformed=True)) == 1


def test_file_that_is_not_germeval_is_rejected(tmp_path):
    path = tmp_path / "page.tsv"
    path.write_text("<html>\n" + "zeile ohne tab\n" * 30, encoding="utf-8")
    with pytest.raises(DataError, match="does not look like a GermEval"):
        parse_germeval_file(path, skip_malformed=True)


def test_header_line_and_blank_lines_are_skipped(tmp_path, lines):
    path = tmp_path / "with_header.tsv"
    path.write_text("Link\tText\tRelevance\tSentiment\tAspect:Polarity\n\n" + lines[0] + "\n\n", encoding="utf-8")
    assert [d.categories for d in parse_germeval_file(path)] == [{"Zugfahrt", "Informationen"}]


def test_missing_file_says_how_to_get_it(tmp_path):
    with pytest.raises(DataError, match="download_germeval2017"):
        parse_germeval_file(tmp_path / "nope.tsv")


# --- documents -> Splits ------------------------------------------------------------------


def test_top_categories_counts_documents_and_breaks_ties_by_name(parts):
    assert top_categories(parts["train"], None) == TRAIN_RANKING
    assert top_categories(parts["train"], 3) == TRAIN_RANKING[:3]  # Atmosphäre before Sonstige_… (tie: 3)
    assert [name for name, _ in top_categories(parts["train"], 8)][-2:] == [
        "Auslastung_und_Platzangebot",
        "DB_App_und_Website",
    ]


@pytest.mark.parametrize("top_k", [0, -1, 2.5, True])
def test_top_k_must_be_positive_int(parts, top_k):
    with pytest.raises(ValueError, match="top_k"):
        documents_to_splits(parts["train"], parts["validation"], parts["test_syn"], top_k=top_k)


def test_splits_shapes_dtypes_and_label_order(parts):
    splits = documents_to_splits(parts["train"], parts["validation"], parts["test_syn"], top_k=3)
    assert isinstance(splits, Splits)
    assert splits.label_names == ["Allgemein", "Zugfahrt", "Atmosphäre"]
    assert splits.source == "GermEval 2017 (uhhlt/GermEval2017)"
    assert splits.sizes() == {"train": 12, "validation": 3, "test": 2}
    for name in ("train", "validation", "test"):
        split = splits[name]
        assert split.labels.dtype == np.float32
        assert split.labels.shape == (len(split.texts), 3)
        assert set(np.unique(split.labels)) <= {0.0, 1.0}
        assert split.labels.sum(axis=1).min() >= 1  # dropped: no row without a kept category
        assert split.primary is None
    # "Zug fällt aus …": Zugfahrt twice + Sonstige_… -> only the Zugfahrt column
    row = splits.train.texts.index(parts["train"][7].text)
    assert splits.train.labels[row].tolist() == [0.0, 1.0, 0.0]


def test_info_records_frequencies_and_drops(parts):
    splits = documents_to_splits(parts["train"], parts["validation"], parts["test_syn"], top_k=3)
    info = splits.info
    assert info["label_frequencies_train"] == dict(TRAIN_RANKING[:3])
    assert list(info["label_frequencies_train"]) == splits.label_names
    assert info["other_categories_train"]["Sonstige_Unregelmässigkeiten"] == 3
    assert info["dropped"]["train"] == {"empty_text": 1, "without_aspects": 2, "only_other_categories": 3}
    assert info["dropped"]["validation"] == {"empty_text": 0, "without_aspects": 1, "only_other_categories": 0}
    assert info["dropped"]["test"] == {"empty_text": 0, "without_aspects": 0, "only_other_categories": 1}
    assert info["documents"] == {"train": 18, "validation": 4, "test": 3}
    assert info["categories_not_in_train"] == {"validation": ["Toiletten"]}


def test_keep_documents_without_aspects_as_empty_rows(parts):
    splits = documents_to_splits(
        parts["train"], parts["validation"], parts["test_syn"], top_k=3, drop_without_aspects=False
    )
    assert splits.sizes() == {"train": 17, "validation": 4, "test": 3}  # only the empty text is gone
    assert int((splits.train.labels.sum(axis=1) == 0).sum()) == 5
    assert splits.info["dropped"]["train"] == {"empty_text": 1, "without_aspects": 0, "only_other_categories": 0}


def test_top_k_none_keeps_every_train_category(parts):
    splits = documents_to_splits(parts["train"], parts["validation"], parts["test_syn"], top_k=None)
    assert splits.label_names == [name for name, _ in TRAIN_RANKING]
    assert "Toiletten" not in splits.label_names  # only in validation
    assert splits.train.labels.shape == (15, 11)


def test_too_few_categories_is_a_data_error(parts):
    with pytest.raises(DataError, match="at least two"):
        documents_to_splits(parts["train"], parts["validation"], parts["test_syn"], top_k=1)


def test_empty_split_after_dropping_is_a_data_error(parts):
    irrelevant = [parts["train"][5], parts["train"][6]]
    with pytest.raises(DataError, match="test split is empty"):
        documents_to_splits(parts["train"], parts["validation"], irrelevant, top_k=3)


# --- files and download -------------------------------------------------------------------


def test_load_from_local_dir_end_to_end(germeval_dir, no_hub):
    splits = load_germeval2017(local_dir=germeval_dir)
    assert no_hub == []  # the files were there: no download attempted
    assert splits.label_names == [name for name, _ in TRAIN_RANKING[:8]]
    assert splits.num_labels == 8
    assert splits.sizes() == {"train": 15, "validation": 3, "test": 3}
    assert splits.test.labels.dtype == np.float32
    assert splits.info["test_set"] == "syn"
    assert splits.info["skipped_lines"] == {"train": 0, "validation": 0, "test_syn": 0}
    assert Path(splits.info["files"]["test_syn"]).name == GERMEVAL_FILES["test_syn"]


def test_load_diachronic_test_set(germeval_dir, no_hub):
    splits = load_germeval2017(top_k=4, test_set="dia", local_dir=germeval_dir)
    assert splits.info["test_set"] == "dia"
    assert splits.test.texts == [
        "Verspätung, Zugausfall und Chaos am Hauptbahnhof.",
        "Im ICE gab es heute gar kein Netz.",
    ]
    assert splits.test.labels.tolist() == [[0, 1, 0, 1], [1, 0, 0, 0]]


def test_load_needs_only_the_chosen_test_file(germeval_dir, no_hub):
    (germeval_dir / GERMEVAL_FILES["test_dia"]).unlink()
    assert load_germeval2017(local_dir=germeval_dir).sizes()["test"] == 3
    assert no_hub == []


def test_unknown_test_set(germeval_dir):
    with pytest.raises(ValueError, match="syn"):
        load_germeval2017(test_set="synchronic", local_dir=germeval_dir)


def test_offline_without_local_dir_explains_what_to_do(no_hub, tmp_path):
    with pytest.raises(DataError) as caught:
        load_germeval2017(cache_dir=tmp_path)
    message = str(caught.value)
    assert "could not be reached" in message
    assert "load_embedded()" in message and "local_dir" in message
    assert "train-2017-09-15.tsv" in message
    assert no_hub[0]["repo_id"] == "uhhlt/GermEval2017" and no_hub[0]["repo_type"] == "dataset"
    assert no_hub[0]["cache_dir"] == tmp_path


def test_offline_with_incomplete_local_dir_names_the_missing_file(germeval_dir, no_hub):
    (germeval_dir / GERMEVAL_FILES["validation"]).unlink()
    with pytest.raises(DataError, match=r"does not hold dev-2017-09-15\.tsv"):
        download_germeval2017(local_dir=germeval_dir)
    assert no_hub[0]["filename"] == "dev-2017-09-15.tsv" and no_hub[0]["local_dir"] == germeval_dir


@pytest.mark.parametrize("make_error", ["offline_mode", "httpx"])
def test_other_offline_exceptions_are_translated(monkeypatch, make_error):
    import httpx
    from huggingface_hub.errors import OfflineModeIsEnabled

    error = OfflineModeIsEnabled("offline") if make_error == "offline_mode" else httpx.ConnectError("no route")

    def fail(**kwargs):
        raise error

    monkeypatch.setattr("huggingface_hub.hf_hub_download", fail)
    with pytest.raises(DataError, match="could not be reached"):
        download_germeval2017(names=["train"])


def test_other_hub_errors_are_not_swallowed(monkeypatch):
    def fail(**kwargs):
        raise PermissionError("cache folder is read-only")

    monkeypatch.setattr("huggingface_hub.hf_hub_download", fail)
    with pytest.raises(PermissionError):
        download_germeval2017(names=["train"])


def test_download_returns_hub_paths(monkeypatch, tmp_path):
    def fake(repo_id, repo_type, filename, cache_dir=None, local_dir=None):
        path = tmp_path / filename
        shutil.copy(FIXTURE, path)
        return str(path)

    monkeypatch.setattr("huggingface_hub.hf_hub_download", fake)
    paths = download_germeval2017()
    assert set(paths) == set(GERMEVAL_FILES)
    assert all(isinstance(p, Path) and p.name == GERMEVAL_FILES[name] for name, p in paths.items())


def test_unknown_file_name():
    with pytest.raises(ValueError, match="test_syn"):
        download_germeval2017(names=["test"])


def test_module_constants():
    assert germeval.GERMEVAL_REPO == "uhhlt/GermEval2017"
    assert list(GERMEVAL_FILES) == ["train", "validation", "test_syn", "test_dia"]


def test_overlapping_texts_warn(parts):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents_to_splits(parts["train"], parts["train"], parts["test_syn"], top_k=3)
    assert any("both train and validation" in str(w.message) for w in caught)
