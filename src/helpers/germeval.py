"""GermEval 2017: real German customer feedback about Deutsche Bahn, as multi-label `Splits`.

GermEval 2017 (Wojatzki et al., 2017) is a shared task on aspect-based sentiment in social-media
posts about Deutsche Bahn. Every document is annotated with the aspect categories it talks about
(20 categories such as ``Zugfahrt``, ``Ticketkauf``, ``Connectivity``), which makes it a real
multi-label dataset. The files come from the Hugging Face Hub dataset ``uhhlt/GermEval2017``
(licence CC BY-NC 4.0: research and teaching, not commercial use) and are parsed here by our own
code, because the raw TSV files have quirks that a plain CSV reader gets wrong:

* no header; tab-separated fields ``id, text, relevance, sentiment, aspects``;
* the aspects are one space-separated ``Category#Subcategory:polarity`` token per opinion,
  so a category can repeat within a document, and the field ends with a space;
* some rows have an extra empty field, some have fewer fields (no aspects column at all);
* a polarity can be split off into its own token (``Connectivity#Haupt: negative``),
  and some polarities are misspelled (``positve``);
* document ids are URLs with escaped underscores (``\\_``);
* irrelevant documents (``false``) have no aspects.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers.data import Split, Splits, warn_about_overlap
from helpers.errors import DataError
from helpers.labels import MultiHotEncoder

GERMEVAL_REPO = "uhhlt/GermEval2017"
GERMEVAL_FILES = {
    "train": "train-2017-09-15.tsv",
    "validation": "dev-2017-09-15.tsv",
    "test_syn": "test_syn-2017-09-15.tsv",
    "test_dia": "test_dia-2017-09-15.tsv",
}
GERMEVAL_SOURCE = f"GermEval 2017 ({GERMEVAL_REPO})"
POLARITIES = ("positive", "negative", "neutral")
TEST_SETS = ("syn", "dia")

# More than this share of unparseable lines means the file is not a GermEval TSV at all.
_MAX_MALFORMED_SHARE = 0.01
_MIN_MALFORMED_ALLOWED = 10


@dataclass
class GermEvalDocument:
    """One line of a GermEval 2017 TSV file.

    `categories` is the set of aspect categories (subcategory after ``#`` dropped);
    `opinions` keeps one ``(category, polarity)`` pair per annotated opinion, repeats included.
    """

    doc_id: str
    text: str
    relevant: bool
    sentiment: str
    categories: set[str] = field(default_factory=set)
    opinions: list[tuple[str, str]] = field(default_factory=list)


def normalize_polarity(raw: str) -> str:
    """``positve`` -> ``positive`` etc.: match on the first three letters; unknown values are kept."""
    value = raw.strip().lower()
    for polarity in POLARITIES:
        if value.startswith(polarity[:3]):
            return polarity
    return raw.strip()


def _is_boolean(value: str) -> bool:
    return value.strip().lower() in {"true", "false"}


def parse_aspects(aspects: str) -> list[tuple[str, str]]:
    """``"Zugfahrt#Haupt:negative Connectivity#Haupt: negative "`` -> ``[(category, polarity), ...]``.

    One pair per token, repeats kept; the category is the part before ``#`` and ``:``.
    """
    # Glue split-off polarities back on: "Connectivity#Haupt: negative" -> "Connectivity#Haupt:negative".
    tokens = re.sub(r"\s*:\s*", ":", aspects.strip()).split()
    opinions: list[tuple[str, str]] = []
    for token in tokens:
        aspect, _, polarity = token.rpartition(":") if ":" in token else (token, "", "")
        category = aspect.split(":", 1)[0].split("#", 1)[0].strip()
        if not category or (not polarity and polarity_or_none(token) is not None):
            continue  # nothing usable, or a stray polarity word without a category
        opinions.append((category, normalize_polarity(polarity)))
    return opinions


def polarity_or_none(token: str) -> str | None:
    """The normalised polarity if `token` is one (``negativ`` -> ``negative``), else None."""
    normalized = normalize_polarity(token)
    return normalized if normalized in POLARITIES else None


def parse_germeval_line(line: str, line_number: int = 0) -> GermEvalDocument:
    """Parse one TSV line into a `GermEvalDocument`, tolerating the quirks of the GermEval files."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) < 2:
        raise DataError(
            f"Line {line_number}: expected tab-separated fields 'id, text, relevance, sentiment, aspects' "
            f"but found {len(fields)} field(s): {line[:80]!r}. Is this a GermEval 2017 TSV file "
            "(tabs, not spaces or commas)?"
        )
    doc_id = fields[0].strip().replace("\\_", "_")

    # The relevance field is the first true/false after the text; an extra empty field may sit before it.
    relevance_index = next((i for i in range(2, len(fields)) if _is_boolean(fields[i])), None)
    if relevance_index is None and len(fields) > 2:
        relevance_index = 2  # an unexpected value such as "unknown": keep the positional reading
    text_fields = fields[1:relevance_index] if relevance_index is not None else fields[1:]
    text = " ".join(part.strip() for part in text_fields if part.strip())
    relevant = relevance_index is not None and fields[relevance_index].strip().lower() == "true"

    rest = [part for part in fields[relevance_index + 1 :] if part.strip()] if relevance_index is not None else []
    sentiment = ""
    if rest and ":" not in rest[0]:
        sentiment = normalize_polarity(rest[0])
        rest = rest[1:]
    opinions = parse_aspects(" ".join(rest))
    return GermEvalDocument(
        doc_id=doc_id,
        text=text,
        relevant=relevant,
        sentiment=sentiment,
        categories={category for category, _ in opinions},
        opinions=opinions,
    )


def _is_header(line: str) -> bool:
    fields = [part.strip().lower() for part in line.split("\t")]
    return len(fields) >= 3 and fields[1] == "text" and fields[2].startswith("relevan")


def _read_documents(path: Path, skip_malformed: bool) -> tuple[list[GermEvalDocument], list[int]]:
    if not path.exists():
        raise DataError(f"File not found: {path}. Download it with download_germeval2017().")
    # Split on "\n" only: tweets may contain other characters that str.splitlines() treats as line breaks.
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    documents: list[GermEvalDocument] = []
    skipped: list[int] = []
    first = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if first and _is_header(line):
            first = False
            continue
        first = False
        try:
            documents.append(parse_germeval_line(line, number))
        except DataError as error:
            if not skip_malformed:
                raise DataError(f"{path}: {error}") from error
            skipped.append(number)
    if skipped and len(skipped) > max(_MIN_MALFORMED_ALLOWED, _MAX_MALFORMED_SHARE * (len(documents) + len(skipped))):
        raise DataError(
            f"{path}: {len(skipped)} of {len(documents) + len(skipped)} lines could not be parsed "
            f"(first at line {skipped[0]}). This does not look like a GermEval 2017 TSV file; "
            "delete it and download it again."
        )
    if not documents:
        raise DataError(f"{path} holds no documents. Delete it and download it again.")
    return documents, skipped


def parse_germeval_file(path: str | Path, skip_malformed: bool = False) -> list[GermEvalDocument]:
    """All documents of a GermEval 2017 TSV file (blank lines skipped).

    With ``skip_malformed=True``, hopeless lines (fewer than two fields) are skipped with a warning
    instead of raising a `DataError`.
    """
    path = Path(path)
    documents, skipped = _read_documents(path, skip_malformed)
    if skipped:
        warnings.warn(f"{path}: skipped {len(skipped)} malformed line(s): {skipped[:5]}", stacklevel=2)
    return documents


# --- download ----------------------------------------------------------------------------


def _offline_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean 'the Hub cannot be reached' (not 'the file does not exist')."""
    from huggingface_hub.errors import LocalEntryNotFoundError, OfflineModeIsEnabled

    errors: list[type[BaseException]] = [LocalEntryNotFoundError, OfflineModeIsEnabled]
    try:
        import httpx

        errors += [httpx.ConnectError, httpx.TimeoutException, httpx.NetworkError]
    except ImportError:  # pragma: no cover - httpx is a dependency of huggingface_hub >= 1.0
        pass
    try:
        import requests

        errors += [requests.exceptions.ConnectionError, requests.exceptions.Timeout]
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def download_germeval2017(
    cache_dir: str | Path | None = None,
    local_dir: str | Path | None = None,
    names: Sequence[str] | None = None,
) -> dict[str, Path]:
    """Paths of the GermEval 2017 TSV files, downloaded from the Hugging Face Hub when needed.

    `names` picks files from `GERMEVAL_FILES` (default: all four). If `local_dir` already holds a
    file it is used as is (no network); missing files are downloaded into `local_dir` when it is
    given, else into the Hugging Face cache (`cache_dir`, default ``~/.cache/huggingface``).
    """
    from huggingface_hub import hf_hub_download

    names = list(GERMEVAL_FILES) if names is None else list(names)
    unknown = [name for name in names if name not in GERMEVAL_FILES]
    if unknown:
        raise ValueError(f"Unknown GermEval 2017 file(s) {unknown}; choose from {list(GERMEVAL_FILES)}.")
    folder = Path(local_dir) if local_dir is not None else None
    paths: dict[str, Path] = {}
    for name in names:
        filename = GERMEVAL_FILES[name]
        if folder is not None and (folder / filename).is_file():
            paths[name] = folder / filename
            continue
        try:
            downloaded = hf_hub_download(
                repo_id=GERMEVAL_REPO,
                repo_type="dataset",
                filename=filename,
                cache_dir=cache_dir,
                local_dir=folder,
            )
        except _offline_errors() as error:
            where = f"{folder} does not hold {filename}, and t" if folder is not None else "T"
            raise DataError(
                f"{where}he Hugging Face Hub could not be reached to download {filename} "
                f"from {GERMEVAL_REPO} ({type(error).__name__}). Either work offline with the embedded "
                "reviews, helpers.data.load_embedded(), or download the four files "
                f"{sorted(GERMEVAL_FILES.values())} by hand from "
                f"https://huggingface.co/datasets/{GERMEVAL_REPO} into one folder and pass "
                "local_dir='that/folder'."
            ) from error
        paths[name] = Path(downloaded)
    return paths


# --- documents -> Splits -----------------------------------------------------------------


def top_categories(documents: Sequence[GermEvalDocument], top_k: int | None) -> list[tuple[str, int]]:
    """``(category, number of documents)`` pairs, most frequent first, ties broken by name."""
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise ValueError(f"top_k must be a positive integer or None (all categories), got {top_k!r}.")
    counts = Counter(category for document in documents for category in document.categories)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked if top_k is None else ranked[:top_k]


def documents_to_splits(
    train_docs: Sequence[GermEvalDocument],
    validation_docs: Sequence[GermEvalDocument],
    test_docs: Sequence[GermEvalDocument],
    top_k: int | None = 8,
    drop_without_aspects: bool = True,
    source: str = GERMEVAL_SOURCE,
    info: dict | None = None,
) -> Splits:
    """Turn parsed documents into `Splits` whose labels are the `top_k` most frequent train categories.

    Categories are counted on train only (validation and test must not influence the label set).
    Documents with empty text are always dropped; documents left without a kept category
    (irrelevant ones included) are dropped when `drop_without_aspects`, else kept as all-zero rows.
    """
    usable_train = [document for document in train_docs if document.text.strip()]
    ranked = top_categories(usable_train, top_k)
    if len(ranked) < 2:
        raise DataError(
            f"The training documents have {len(ranked)} aspect categor{'y' if len(ranked) == 1 else 'ies'} "
            f"({[name for name, _ in ranked]}); a multi-label classifier needs at least two. "
            "Check that the train file is the annotated GermEval 2017 file, and use top_k >= 2."
        )
    label_names = [name for name, _ in ranked]
    kept = set(label_names)
    encoder = MultiHotEncoder(label_names)

    all_train_counts = Counter(category for document in usable_train for category in document.categories)
    splits: dict[str, Split] = {}
    dropped: dict[str, dict[str, int]] = {}
    sizes: dict[str, int] = {}
    unseen: dict[str, list[str]] = {}
    for name, documents in (("train", train_docs), ("validation", validation_docs), ("test", test_docs)):
        texts: list[str] = []
        label_sets: list[list[str]] = []
        counts = {"empty_text": 0, "without_aspects": 0, "only_other_categories": 0}
        for document in documents:
            if not document.text.strip():
                counts["empty_text"] += 1
                continue
            labels = [category for category in label_names if category in document.categories]
            if not labels and drop_without_aspects:
                counts["only_other_categories" if document.categories else "without_aspects"] += 1
                continue
            texts.append(document.text)
            label_sets.append(labels)
        if not texts:
            raise DataError(
                f"The {name} split is empty after dropping documents without one of the categories "
                f"{label_names}. Use a larger top_k or drop_without_aspects=False."
            )
        splits[name] = Split(texts, encoder.transform(label_sets))
        dropped[name] = counts
        sizes[name] = len(documents)
        unseen[name] = sorted({c for d in documents for c in d.categories} - set(all_train_counts))

    details = {
        "top_k": top_k,
        "label_frequencies_train": dict(ranked),
        "other_categories_train": {c: n for c, n in sorted(all_train_counts.items()) if c not in kept},
        "categories_not_in_train": {name: cats for name, cats in unseen.items() if cats},
        "documents": sizes,
        "dropped": dropped,
        "drop_without_aspects": drop_without_aspects,
    }
    result = Splits(**splits, label_names=label_names, source=source, info={**(info or {}), **details})
    warn_about_overlap(result)
    return result


def load_germeval2017(
    top_k: int | None = 8,
    drop_without_aspects: bool = True,
    test_set: str = "syn",
    local_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
) -> Splits:
    """GermEval 2017 as `Splits`: train, validation (dev) and the synchronic or diachronic test set.

    `test_set="syn"` is from the same period as train; ``"dia"`` is a later period (tests how a
    model copes with drift). Labels are the `top_k` most frequent aspect categories on train
    (8 by default, like the embedded reviews; None keeps all). Needs the Hugging Face Hub once,
    or `local_dir` holding the downloaded files.
    """
    if test_set not in TEST_SETS:
        raise ValueError(f"test_set must be one of {TEST_SETS} (synchronic or diachronic), got {test_set!r}.")
    test_name = f"test_{test_set}"
    paths = download_germeval2017(cache_dir=cache_dir, local_dir=local_dir, names=["train", "validation", test_name])
    parsed: dict[str, list[GermEvalDocument]] = {}
    skipped: dict[str, int] = {}
    for name, path in paths.items():
        parsed[name], bad_lines = _read_documents(path, skip_malformed=True)
        skipped[name] = len(bad_lines)
        if bad_lines:
            warnings.warn(f"{path}: skipped {len(bad_lines)} malformed line(s): {bad_lines[:5]}", stacklevel=2)
    return documents_to_splits(
        parsed["train"],
        parsed["validation"],
        parsed[test_name],
        top_k=top_k,
        drop_without_aspects=drop_without_aspects,
        info={
            "test_set": test_set,
            "files": {name: str(path) for name, path in paths.items()},
            "skipped_lines": skipped,
            "licence": "CC BY-NC 4.0 (research and teaching; not for commercial use)",
        },
    )
