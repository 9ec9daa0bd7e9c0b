"""Build the embedded German review dataset from the hand-written fragments in `fragments.py`.

Run from the repository root:

    python data/build/compose.py                 # write the data, the record and the datasheet's statistics
    python data/build/compose.py --check         # rebuild in memory, compare with the committed files
    python data/build/compose.py --count-bank F  # count the distinct fragments of a fragments.py file F
    python data/build/compose.py --overlap DIR   # sentence overlap of the reviews_*.csv files in DIR
    python data/build/compose.py --seeds 5       # TF-IDF figures of five in-memory builds (other seeds)

The build keeps every hand-written sentence inside one split, so validation and test reviews are
written with sentences that training never saw:

1. sample all label sets (a main topic plus 0-2 further topics, imbalanced, topics that go
   together in practice favoured);
2. split the label sets 70/15/15 by iterative stratification (`helpers.data.stratified_indices`);
3. split the fragment bank (`bank.assign_splits`): every fragment, label-less frame pieces
   included, belongs to exactly one split, in proportion within every label, kind and tone;
4. compose each split's reviews from its own fragments only, roughen the spelling and drop
   duplicates within the split (a duplicate is drawn again);
5. write ``data/reviews_{train,validation,test}.csv``, ``data/labels.json``, the record of which
   fragments each review used (``data/build/review_fragments.csv``) and the statistics section of
   ``data/README.md``.

Each split's composer has its own seeded `random.Random`, so two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
REPO = DATA.parent
sys.path.insert(0, str(HERE))
try:
    import helpers  # noqa: F401  (installed with pip install -e .)
except ImportError:  # a plain checkout without the package installed
    sys.path.insert(0, str(REPO / "src"))

try:
    import fragments  # noqa: E402
except ValueError as error:  # a malformed line in the bank: say where, without a traceback
    raise SystemExit(f"error: {error}") from None
from bank import (  # noqa: E402
    KINDS, LABEL_CODES, STYLES, BankError, Entry, assign_splits, check_bank, count_bank, load_bank,
    normalised_sentences,
)
from fragments import COLLOQUIAL, LABELS, LOWERCASE_OK, PRODUCTS, SLOTS, Product  # noqa: E402
from helpers.data import SPLIT_NAMES, Split, Splits, stratified_indices  # noqa: E402

FRAGMENTS_PATH = HERE / "fragments.py"
RECORD_PATH = HERE / "review_fragments.csv"
DATASHEET_PATH = DATA / "README.md"

SEED = 20240917
TARGET_REVIEWS = 2600  # unique reviews
SPLIT_FRACTIONS = (0.7, 0.15, 0.15)  # of the label sets (reviews)
FRAGMENT_FRACTIONS = (0.6, 0.2, 0.2)  # of the fragments in every stratum of the bank (see the datasheet)
MAX_WORDS = 125
MAX_REDRAWS = 200  # draws of one review before its split's bank is declared too small

# How often each label is the main topic of a review: deliberately imbalanced.
PRIMARY_WEIGHTS = {
    "Kundenservice": 0.15, "Benutzererfahrung": 0.10, "Lieferung": 0.22, "Produktqualität": 0.28,
    "Preis": 0.08, "Zahlung": 0.06, "Rückgabe": 0.08, "Datenschutz": 0.035,
}
# How often each label is picked as an extra topic, before the affinities below.
SECONDARY_WEIGHTS = {
    "Kundenservice": 0.14, "Benutzererfahrung": 0.09, "Lieferung": 0.20, "Produktqualität": 0.20,
    "Preis": 0.20, "Zahlung": 0.07, "Rückgabe": 0.08, "Datenschutz": 0.025,
}
# Topics that tend to come together in real complaints (returns with refunds and service, ...).
AFFINITY = {
    frozenset({"Lieferung", "Produktqualität"}): 2.0,
    frozenset({"Preis", "Produktqualität"}): 2.5,
    frozenset({"Kundenservice", "Rückgabe"}): 3.0,
    frozenset({"Rückgabe", "Zahlung"}): 2.5,
    frozenset({"Kundenservice", "Lieferung"}): 2.0,
    frozenset({"Benutzererfahrung", "Zahlung"}): 2.5,
    frozenset({"Benutzererfahrung", "Datenschutz"}): 3.0,
    frozenset({"Kundenservice", "Datenschutz"}): 2.0,
    frozenset({"Produktqualität", "Rückgabe"}): 2.0,
    frozenset({"Lieferung", "Preis"}): 1.5,
}
CARDINALITY = {1: 0.62, 2: 0.31, 3: 0.07}
# Share of praise / complaint / mixed per label (people write about Datenschutz mostly to complain).
POLARITY = {
    "Kundenservice": (0.35, 0.55, 0.10), "Benutzererfahrung": (0.35, 0.55, 0.10),
    "Lieferung": (0.45, 0.45, 0.10), "Produktqualität": (0.45, 0.45, 0.10), "Preis": (0.45, 0.40, 0.15),
    "Zahlung": (0.35, 0.55, 0.10), "Rückgabe": (0.40, 0.50, 0.10), "Datenschutz": (0.15, 0.80, 0.05),
}

P_SHORT = 0.12  # very short review: a vague word and brief clauses only
P_LONG = 0.08  # long review: many sentences on the main topic and some scene-setting
P_IMPLICIT = 0.60  # a topic sentence that avoids the topic's keyword
P_BRIEF_SECONDARY = 0.30  # an extra topic mentioned only in passing ("Preis ok.")
P_PAIR = 0.35  # one sentence covering two of the review's topics
P_DISTRACTOR = 0.55  # a topic word without the topic (no label)
P_FILLER = 0.40
P_OPENER = 0.30
P_CLOSER = 0.40
P_DROP_GIVEN_BRIEF = 0.18  # annotator overlooked a passing mention (ends up ~2 % of reviews)
ZIPF_EXPONENT = 0.7  # some phrasings are common, many rare, as in real reviews
P_COLLOQUIAL, P_COLLOQUIAL_EACH = 0.30, 0.35
P_LETTER_TYPO = 0.20
P_UMLAUT = 0.10
P_LOWER = 0.10
P_NO_FINAL_PERIOD = 0.15

# The bank before issue #12 (commit 1753d61), counted with
#   git show 1753d61:data/build/fragments.py > /tmp/old.py && python data/build/compose.py --count-bank /tmp/old.py
BANK_BEFORE = {"total": 861, "topic": 662, "pair": 46, "distractor": 55, "frame": 98}
# Sentence overlap of the data before issue #12 (commit 1753d61), measured with --overlap on its CSV files.
OVERLAP_BEFORE = {
    "validation": {"in_train": 1433, "sentences": 1691, "reviews_only_train": 182, "reviews": 370},
    "test": {"in_train": 1538, "sentences": 1773, "reviews_only_train": 220, "reviews": 390},
}
UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"))
FRAME_ROLES = ("opener", "closer", "contrast", "filler", "story", "vague")


@dataclass
class Piece:
    """One sentence of a review, the labels it expresses (none for distractors and frame) and its fragment ids."""

    text: str
    polarity: str
    labels: tuple[str, ...] = ()
    brief: bool = False
    fids: tuple[str, ...] = ()


@dataclass
class Review:
    """A composed review; `dropped` lists labels deliberately left untagged (annotator slips)."""

    text: str
    labels: list[str]
    primary: str
    dropped: list[str] = field(default_factory=list)
    fids: list[str] = field(default_factory=list)


class SplitBank:
    """The fragments of one split, sorted by what the composer asks for."""

    def __init__(self, name: str, entries: list[Entry]) -> None:
        self.name = name
        self.topic = {label: [e for e in entries if e.role == "topic" and e.labels[0] == label] for label in LABELS}
        self.pairs: dict[tuple[str, ...], list[Entry]] = {}
        for entry in entries:
            if entry.role == "pair":
                self.pairs.setdefault(entry.labels, []).append(entry)
        self.distractors = {label: [e for e in entries if e.role == "distractor" and e.about == label]
                            for label in LABELS}
        self.frame = {(role, tone): [e for e in entries if e.role == role and e.polarity == tone]
                      for role in FRAME_ROLES for tone in "+-0"}
        for role, tones in (("opener", "+-0"), ("closer", "+-0"), ("contrast", "+-"), ("filler", "0"),
                            ("story", "0"), ("vague", "0")):
            for tone in tones:
                if not self.frame[(role, tone)]:
                    raise BankError(f"The {name} split got no {role} of tone {tone!r}; add more {role}s to "
                                    f"{FRAGMENTS_PATH.name} so that every split gets some.")
        for label in LABELS:
            if not self.topic[label] or not self.distractors[label]:
                raise BankError(f"The {name} split got no topic sentence or no distractor for {label}; "
                                f"add some to {FRAGMENTS_PATH.name}.")


class Composer:
    """Writes reviews for given label sets from one split's fragments, with one seeded generator."""

    def __init__(self, bank: SplitBank, seed: str) -> None:
        self.bank = bank
        self.rng = random.Random(seed)
        # Zipf-like weights over a seeded shuffle of each label's fragments: a few phrasings are
        # frequent and many rare, as in real reviews.
        self.weights: dict[str, float] = {}
        for label in LABELS:
            ids = [e.fid for e in bank.topic[label]]
            ranks = list(range(len(ids)))
            self.rng.shuffle(ranks)
            self.weights.update({fid: 1.0 / (r + 1) ** ZIPF_EXPONENT for fid, r in zip(ids, ranks)})

    def _frame(self, role: str, tone: str = "0") -> Entry:
        return self.rng.choice(self.bank.frame[(role, tone)])

    def sample_polarity(self, label: str) -> str:
        """'+' praise, '-' complaint or '0' mixed, with the label's own odds."""
        return self.rng.choices("+-0", POLARITY[label])[0]

    # --- rendering --------------------------------------------------------------------------

    def render(self, template: str, product: Product) -> str:
        """Fill slots and [a|b] alternatives; capitalise the first letter."""
        text = re.sub(r"\[([^\]]+)\]", lambda m: self.rng.choice(m.group(1).split("|")), template)
        values = {"ding": product.nom, "dingakk": product.acc, "einding": product.indef}
        text = re.sub(
            r"\{(\w+)\}", lambda m: values[m.group(1)] if m.group(1) in values else self.rng.choice(SLOTS[m.group(1)]),
            text,
        )
        return text[0].upper() + text[1:]

    def frame_piece(self, entry: Entry, product: Product) -> Piece:
        return Piece(self.render(entry.template, product), "0", fids=(entry.fid,))

    def pick(self, label: str, kind: str, polarity: str, product: Product, used: set[str]) -> Entry:
        """A fragment of `label` and `kind` with this tone that fits the product and is not used yet."""
        fits = [e for e in self.bank.topic[label] if fits_product(e, product) and e.fid not in used]
        if not fits:
            raise BankError(f"The {self.bank.name} split has too few {label} sentences for one review; "
                            f"add more to {FRAGMENTS_PATH.name}.")
        candidates = (
            [e for e in fits if e.kind == kind and e.polarity == polarity]
            or [e for e in fits if e.kind == kind and e.polarity in (polarity, "0")]
            or [e for e in fits if e.polarity == polarity]
            or fits
        )
        entry = self.rng.choices(candidates, [self.weights[e.fid] for e in candidates])[0]
        used.add(entry.fid)
        return entry

    def topic_piece(self, label: str, tone: dict[str, str], product: Product, used: set[str],
                    brief: bool = False) -> Piece:
        """One sentence on `label`. A mixed ("0") topic opens with a mixed sentence and then leans
        one way, so that a review never praises and slams the same thing in one breath."""
        kind = "brief" if brief else ("implicit" if self.rng.random() < P_IMPLICIT else "explicit")
        polarity = tone[label]
        entry = self.pick(label, kind, polarity, product, used)
        if polarity == "0":
            tone[label] = self.rng.choice("+-")
        return Piece(self.render(entry.template, product), entry.polarity, (label,), entry.kind == "brief",
                     (entry.fid,))

    def pair_piece(self, pair: tuple[str, ...], tone: dict[str, str], product: Product,
                   used: set[str]) -> Piece | None:
        """A sentence covering both labels of `pair` whose tone fits both (or None)."""
        pool = [
            e for e in self.bank.pairs.get(pair, [])
            if fits_product(e, product) and e.fid not in used
            and all(e.polarity == "0" or tone[label] in (e.polarity, "0") for label in pair)
        ]
        if not pool:
            return None
        entry = self.rng.choice(pool)
        used.add(entry.fid)
        return Piece(self.render(entry.template, product), entry.polarity, pair, fids=(entry.fid,))

    # --- one review -------------------------------------------------------------------------

    def review(self, primary: str, labels: list[str]) -> Review:
        """Compose one review about `labels` (main topic `primary`); retried until it fits MAX_WORDS."""
        while True:
            review = self._review(primary, labels)
            if len(review.text.split()) <= MAX_WORDS:
                return review

    def _review(self, primary: str, labels: list[str]) -> Review:
        product = self.rng.choice(PRODUCTS)
        tone = {label: self.sample_polarity(label) for label in labels}
        used: set[str] = set()

        if len(labels) <= 2 and self.rng.random() < P_SHORT:
            return self._short_review(primary, labels, tone, product, used)

        # The main topic gets the most sentences, which is what makes it the primary label.
        long = self.rng.random() < P_LONG
        if long:
            n_main = self.rng.choice([4, 5, 6])
        elif len(labels) == 1:
            n_main = self.rng.choices([1, 2, 3, 4], [0.40, 0.35, 0.18, 0.07])[0]
        else:
            n_main = self.rng.choices([2, 3, 4], [0.60, 0.30, 0.10])[0]
        main = [self.topic_piece(primary, tone, product, used) for _ in range(n_main)]

        extras: list[Piece] = []
        covered = {primary}
        for label in labels[1:]:
            if label in covered:
                continue
            piece = None
            if self.rng.random() < P_PAIR:
                for other in [primary] + [x for x in labels[1:] if x != label]:
                    pair = tuple(sorted((label, other), key=LABELS.index))
                    piece = self.pair_piece(pair, tone, product, used)
                    if piece:
                        break
            if piece is None:
                brief = self.rng.random() < P_BRIEF_SECONDARY
                piece = self.topic_piece(label, tone, product, used, brief=brief)
            covered.update(piece.labels)
            extras.append(piece)

        order = self.rng.random()
        if order < 0.60:
            body = main + extras
        elif order < 0.85:
            body = extras + main  # "Lieferung top, aber ..." reviews that start with a side topic
        else:
            body = main[:1] + extras + main[1:]

        if self.rng.random() < P_DISTRACTOR:
            others = [label for label in LABELS if label not in labels]
            for other in self.rng.sample(others, self.rng.choice([1, 1, 2])):
                entry = self.rng.choice(self.bank.distractors[other])
                body.insert(self.rng.randint(0, len(body)), self.frame_piece(entry, product))

        overall = self._overall(body)
        frame_start: list[Piece] = []
        if self.rng.random() < P_OPENER:
            frame_start.append(self.frame_piece(self._frame("opener", overall), product))
        if self.rng.random() < P_FILLER:
            filler = self.frame_piece(self._frame("filler"), product)
            if self.rng.random() < 0.75:
                frame_start.append(filler)
            else:
                body.append(filler)
        if long:  # long reviews tell a bit of a story before getting to the point
            stories = self.bank.frame[("story", "0")]
            for entry in self.rng.sample(stories, min(len(stories), self.rng.choice([1, 2]))):
                frame_start.append(self.frame_piece(entry, product))
        end = ([self.frame_piece(self._frame("closer", overall), product)]
               if long or self.rng.random() < P_CLOSER else [])

        text, fids = self.join(frame_start + body + end)
        text = self.roughen(text)
        all_labels = sorted({label for piece in body for label in piece.labels}, key=LABELS.index)
        dropped = self._maybe_drop(body, primary)
        final = [label for label in all_labels if label not in dropped]
        return Review(text, final, primary, dropped, fids)

    def _short_review(self, primary: str, labels: list[str], tone: dict, product: Product,
                      used: set[str]) -> Review:
        """'passt scho, kam fix': a vague word and a brief clause per topic, main topic first."""
        pieces = [self.topic_piece(label, tone, product, used, brief=True) for label in labels]
        if self.rng.random() < 0.5:
            pieces.insert(0, self.frame_piece(self._frame("vague"), product))
            pieces[0].text = pieces[0].text[0].lower() + pieces[0].text[1:]
        text = self.roughen(" ".join(piece.text for piece in pieces))
        return Review(text, sorted(labels, key=LABELS.index), primary,
                      fids=[fid for piece in pieces for fid in piece.fids])

    def _overall(self, body: list[Piece]) -> str:
        """The review's overall tone, which picks a fitting opener and closer."""
        score = sum(1 if p.polarity == "+" else -1 if p.polarity == "-" else 0 for p in body)
        return "+" if score > 0 else "-" if score < 0 else "0"

    def _maybe_drop(self, body: list[Piece], primary: str) -> list[str]:
        """Plausible annotator slip: a label mentioned only in passing is sometimes not tagged."""
        in_full = {label for p in body if not p.brief for label in p.labels}
        brief = [p.labels[0] for p in body if p.brief and p.labels[0] not in in_full | {primary}]
        if brief and self.rng.random() < P_DROP_GIVEN_BRIEF:
            return [self.rng.choice(brief)]
        return []

    # --- surface ----------------------------------------------------------------------------

    def join(self, pieces: list[Piece]) -> tuple[str, list[str]]:
        """Join sentences; where the tone flips, sometimes mark the contrast ('..., aber ...').
        Returns the text and the fragment ids in the order they appear."""
        out, fids = pieces[0].text, list(pieces[0].fids)
        for prev, piece in zip(pieces, pieces[1:]):
            text = piece.text
            flips = {prev.polarity, piece.polarity} == {"+", "-"}
            first_word = text.split()[0].lower().strip(",:")
            roll = self.rng.random()
            if flips and roll < 0.3 and first_word in LOWERCASE_OK and out[-1] in ".!":
                out = out[:-1] + ", aber " + text[0].lower() + text[1:]
            elif flips and roll < 0.6:
                marker = self._frame("contrast", piece.polarity)
                out += " " + marker.template + " " + text
                fids.append(marker.fid)
            else:
                out += " " + text
            fids += piece.fids
        return out, fids

    def roughen(self, text: str) -> str:
        """Colloquial spellings, letter typos, umlauts written as ae/oe/ue, lower case."""
        rng = self.rng
        if rng.random() < P_COLLOQUIAL:
            for pattern, replacement in COLLOQUIAL:
                if rng.random() < P_COLLOQUIAL_EACH:
                    text = re.sub(pattern, replacement, text)
        if rng.random() < P_LETTER_TYPO:
            text = self._letter_typos(text, rng.randint(1, 2))
        if rng.random() < P_UMLAUT:
            for a, b in UMLAUTS:
                text = text.replace(a, b)
        if rng.random() < P_LOWER:
            text = text.lower()
        if rng.random() < P_NO_FINAL_PERIOD and text.endswith("."):
            text = text[:-1]
        return text

    def _letter_typos(self, text: str, count: int) -> str:
        """Swap, drop or double one letter in each of `count` different longer words."""
        words = text.split(" ")
        long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        for i in self.rng.sample(long_words, min(count, len(long_words))):
            word, j = words[i], self.rng.randint(1, len(words[i]) - 2)
            kind = self.rng.randint(0, 2)
            if kind == 0:  # swapped letters
                word = word[:j] + word[j + 1] + word[j] + word[j + 2:]
            elif kind == 1:  # dropped letter
                word = word[:j] + word[j + 1:]
            else:  # doubled letter
                word = word[:j] + word[j] + word[j:]
            words[i] = word
        return " ".join(words)


# --- the whole dataset ----------------------------------------------------------------------


def fits_product(entry: Entry, product: Product) -> bool:
    """Whether a fragment suits the review's product (untagged fragments suit every product)."""
    return entry.category is None or product.category in entry.category


def normalise(text: str) -> str:
    """The form used to detect duplicate reviews: case and whitespace do not make a text new."""
    return " ".join(text.lower().split())


def sample_label_sets(seed: int, count: int) -> list[tuple[str, list[str]]]:
    """`count` label sets: a main topic plus 0-2 extra topics, extras favouring topics that co-occur."""
    rng = random.Random(seed)

    def choose(options: dict) -> object:
        return rng.choices(list(options), list(options.values()))[0]

    sets = []
    for _ in range(count):
        primary = choose(PRIMARY_WEIGHTS)
        chosen = [primary]
        for _ in range(choose(CARDINALITY) - 1):
            options = {
                label: SECONDARY_WEIGHTS[label] * max(AFFINITY.get(frozenset({label, c}), 1.0) for c in chosen)
                for label in LABELS
                if label not in chosen
            }
            chosen.append(choose(options))
        sets.append((primary, chosen))
    return sets


def multi_hot(label_lists: list[list[str]]) -> np.ndarray:
    """Label lists -> float32 rows in the fixed label order."""
    rows = np.zeros((len(label_lists), len(LABELS)), dtype=np.float32)
    for i, labels in enumerate(label_lists):
        for label in labels:
            rows[i, LABELS.index(label)] = 1.0
    return rows


def bank_entries() -> list[Entry]:
    """The checked fragment bank of `fragments.py`."""
    entries = load_bank(fragments)
    check_bank(entries, FRAGMENTS_PATH)
    return entries


def bank_split(entries: list[Entry]) -> dict[str, str]:
    """Fragment id -> split."""
    return assign_splits(entries, SPLIT_NAMES, FRAGMENT_FRACTIONS, SEED)


COLUMNS = ["id", "text", "labels", "primary_label"]


def build(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The three splits as written to disk, plus bookkeeping columns `dropped` and `fragments`."""
    label_sets = sample_label_sets(seed, TARGET_REVIEWS)
    parts = stratified_indices(multi_hot([labels for _, labels in label_sets]), SPLIT_FRACTIONS, seed=seed)
    entries = bank_entries()
    split_of = bank_split(entries)
    frames, owner = {}, {}
    for name, indices in zip(SPLIT_NAMES, parts):
        composer = Composer(SplitBank(name, [e for e in entries if split_of[e.fid] == name]), f"{seed}:{name}")
        rows = []
        for index in np.sort(indices):
            primary, labels = label_sets[index]
            for _ in range(MAX_REDRAWS):
                review = composer.review(primary, labels)
                key = normalise(review.text)
                if key not in owner:
                    break
                if owner[key] != name:
                    raise BankError(f"A {name} review repeats a {owner[key]} review word for word: {review.text!r}. "
                                    "Two splits share a fragment; this is a bug in the bank split.")
            else:
                raise BankError(f"After {MAX_REDRAWS} draws every {name} review about {labels} was a duplicate; "
                                f"the {name} part of the bank is too small. Add fragments to {FRAGMENTS_PATH.name}.")
            owner[key] = name
            rows.append({
                "id": f"r{index:05d}", "text": review.text, "labels": "|".join(review.labels),
                "primary_label": review.primary, "dropped": "|".join(review.dropped),
                "fragments": " ".join(review.fids),
            })
        frames[name] = pd.DataFrame(rows)
    return frames


def to_splits(frames: dict[str, pd.DataFrame]) -> Splits:
    """The frames as `helpers.data.Splits`, exactly what `load_embedded` reads back from the files."""
    parts = {
        name: Split(list(frame["text"]), multi_hot([value.split("|") for value in frame["labels"]]),
                    list(frame["primary_label"]))
        for name, frame in frames.items()
    }
    return Splits(**parts, label_names=list(LABELS), source="embedded German reviews")


# --- outputs --------------------------------------------------------------------------------


def record_frame(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Which fragments each review used (in the order they appear) and which labels were left untagged."""
    rows = [frame.assign(split=name)[["id", "split", "fragments", "dropped"]] for name, frame in frames.items()]
    record = pd.concat(rows).sort_values("id").reset_index(drop=True)
    return record.rename(columns={"dropped": "untagged"})


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def outputs(frames: dict[str, pd.DataFrame]) -> tuple[dict[Path, bytes], dict]:
    """Every file the build writes, as bytes (the three CSVs, labels.json, the record and the
    datasheet), and the figures printed after a build (sizes, sentence overlap, TF-IDF baseline)."""
    splits = to_splits(frames)
    figures = {
        "sizes": splits.sizes(),
        "overlap": sentence_overlap({name: splits[name].texts for name in SPLIT_NAMES}),
        "baseline": tfidf_baseline(splits),
    }
    files = {DATA / f"reviews_{name}.csv": csv_bytes(frame[COLUMNS]) for name, frame in frames.items()}
    files[DATA / "labels.json"] = (json.dumps(LABELS, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[RECORD_PATH] = csv_bytes(record_frame(frames))
    files[DATASHEET_PATH] = datasheet(stats_markdown(frames, splits, figures)).encode("utf-8")
    return files, figures


def datasheet(section: str) -> str:
    """data/README.md with `section` between the stats markers."""
    start, end = "<!-- stats:start -->", "<!-- stats:end -->"
    text = DATASHEET_PATH.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{DATASHEET_PATH} lacks the {start} / {end} markers; put them back around the statistics.")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + start + "\n" + section + "\n" + end + tail


# --- statistics -----------------------------------------------------------------------------


def sentence_overlap(texts: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """For validation and test: how many sentences (normalised as in `bank.normalise_sentence`) occur in
    train, and how many reviews consist only of sentences that occur in train."""
    train = {s for text in texts["train"] for s in normalised_sentences(text)}
    result = {}
    for name in ("validation", "test"):
        per_review = [normalised_sentences(text) for text in texts[name]]
        result[name] = {
            "in_train": sum(s in train for sentences in per_review for s in sentences),
            "sentences": sum(len(sentences) for sentences in per_review),
            "reviews_only_train": sum(all(s in train for s in sentences) for sentences in per_review),
            "reviews": len(per_review),
        }
    return result


def tfidf_baseline(splits: Splits) -> dict[str, dict]:
    """TF-IDF + one-vs-rest logistic regression (helpers.baselines) at four threshold settings.

    Thresholds are tuned on validation only (helpers.thresholds.tune_thresholds); test is scored
    with them. Returns {setting: {"threshold": text, "validation": {...}, "test": {...}}}.
    """
    from sklearn.metrics import f1_score, precision_score, recall_score

    from helpers.baselines import tfidf_probabilities
    from helpers.thresholds import tune_thresholds

    validation, test = tfidf_probabilities(splits.train.texts, splits.train.labels,
                                           splits.validation.texts, splits.test.texts)
    tuned, _ = tune_thresholds(validation, splits.validation.labels, splits.label_names,
                               strategy="per_label", at_least_one=False)
    settings = {
        "0.5": replace(tuned, strategy="fixed"),
        "global": replace(tuned, strategy="global"),
        "per_label": tuned,
        "per_label_at_least_one": replace(tuned, at_least_one=True),
    }
    result = {}
    for setting, thresholds in settings.items():
        row = {"thresholds": [float(v) for v in thresholds.values]}
        for name, probabilities in (("validation", validation), ("test", test)):
            truth = splits[name].labels.astype(int)
            predicted = thresholds.apply(probabilities).astype(int)
            row[name] = {
                "micro": float(f1_score(truth, predicted, average="micro", zero_division=0)),
                "macro": float(f1_score(truth, predicted, average="macro", zero_division=0)),
                "precision": float(precision_score(truth, predicted, average="micro", zero_division=0)),
                "recall": float(recall_score(truth, predicted, average="micro", zero_division=0)),
                "per_label": [float(v) for v in f1_score(truth, predicted, average=None, zero_division=0)],
            }
        result[setting] = row
    return result


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def stats_markdown(frames: dict[str, pd.DataFrame], splits: Splits, figures: dict) -> str:
    """The datasheet's statistics section; every figure computed from the data as written."""
    names = splits.label_names
    everything = np.vstack([splits[name].labels for name in SPLIT_NAMES])
    texts = [t for name in SPLIT_NAMES for t in splits[name].texts]
    primaries = [p for name in SPLIT_NAMES for p in splits[name].primary]
    total = len(texts)
    counts = everything.sum(axis=0).astype(int)
    card = everything.sum(axis=1).astype(int)
    words = np.array([len(t.split()) for t in texts])
    chars = np.array([len(t) for t in texts])
    dropped = sum(int((f["dropped"] != "").sum()) for f in frames.values())

    lines = ["", "### Size", "", "| split | reviews |", "|---|---:|"]
    lines += [f"| {name} | {len(splits[name])} |" for name in SPLIT_NAMES]
    lines += [f"| total | {total} |", ""]

    lines += ["### Reviews per label", "", "| label | train | validation | test | total | share |",
              "|---|---:|---:|---:|---:|---:|"]
    for j, label in enumerate(names):
        per = [int(splits[name].labels[:, j].sum()) for name in SPLIT_NAMES]
        lines.append(f"| {label} | {per[0]} | {per[1]} | {per[2]} | {sum(per)} | {sum(per) / total:.1%} |")
    lines += ["", f"Most frequent / rarest label: {names[int(counts.argmax())]} / {names[int(counts.argmin())]}, "
              f"ratio {counts.max() / counts.min():.1f}.", ""]

    lines += ["### Primary label (what a single-label annotator chose)", "", "| label | reviews | share |",
              "|---|---:|---:|"]
    primary_counts = Counter(primaries)
    lines += [f"| {label} | {primary_counts[label]} | {primary_counts[label] / total:.1%} |" for label in names]
    lines.append("")

    lines += ["### Labels per review", "", "| labels | reviews | share |", "|---:|---:|---:|"]
    for k in range(1, int(card.max()) + 1):
        lines.append(f"| {k} | {int((card == k).sum())} | {(card == k).mean():.1%} |")
    lines += ["", f"Mean labels per review (label cardinality): {card.mean():.2f}. "
              f"Reviews with 2 or more labels: {(card >= 2).mean():.1%}.", ""]

    lines += ["### Co-occurrence (reviews carrying both labels; diagonal: the label's total)", ""]
    short = [label[:6] for label in names]
    lines += ["| | " + " | ".join(short) + " |", "|---|" + "---:|" * len(names)]
    co = (everything.T @ everything).astype(int)
    lines += [f"| {label} | " + " | ".join(str(v) for v in co[i]) + " |" for i, label in enumerate(names)]
    lines.append("")

    lines += ["### Text length", "", "| | min | median | mean | max |", "|---|---:|---:|---:|---:|",
              f"| words | {words.min()} | {np.median(words):.0f} | {words.mean():.1f} | {words.max()} |",
              f"| characters | {chars.min()} | {np.median(chars):.0f} | {chars.mean():.1f} | {chars.max()} |",
              "", f"Reviews of 5 words or fewer: {int((words <= 5).sum())}; of more than 80 words: "
              f"{int((words > 80).sum())}.", ""]

    lines += ["### Deliberate annotator slips", "",
              f"Reviews where a topic mentioned only in passing was left untagged: {dropped} "
              f"({dropped / total:.1%} of all reviews; column `untagged` of `build/review_fragments.csv`).", ""]

    lines += overlap_markdown(figures["overlap"])
    lines += bank_markdown(frames)
    lines += baseline_markdown(figures["baseline"], names)

    settings = {
        "seed": SEED, "unique reviews": TARGET_REVIEWS, "split fractions (label sets)": SPLIT_FRACTIONS,
        "split fractions (fragments, per stratum)": FRAGMENT_FRACTIONS,
        "max words": MAX_WORDS, "labels per review (1/2/3)": tuple(CARDINALITY.values()),
        "P(very short review)": P_SHORT, "P(long review)": P_LONG,
        "P(topic sentence is implicit)": P_IMPLICIT, "P(further topic only in passing)": P_BRIEF_SECONDARY,
        "P(two-topic sentence for a further topic)": P_PAIR, "P(distractor sentence)": P_DISTRACTOR,
        "P(passing mention left untagged), reviews with one": P_DROP_GIVEN_BRIEF,
        "Zipf exponent of phrasing frequency": ZIPF_EXPONENT, "P(colloquial spellings)": P_COLLOQUIAL,
        "P(letter typos)": P_LETTER_TYPO, "P(ae/oe/ue for umlauts)": P_UMLAUT, "P(all lower case)": P_LOWER,
    }
    lines += ["### Generator settings (data/build/compose.py)", "",
              "Probabilities are per review unless the setting says otherwise.", "",
              "| setting | value |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in settings.items()]
    lines.append("")
    return "\n".join(lines)


def overlap_markdown(now: dict[str, dict[str, int]]) -> list[str]:
    """The sentence-overlap table, before (commit 1753d61) and now."""
    lines = ["### Sentence overlap with train", "",
             "Reviews cut into sentences after . ! ?; sentences lower-cased, ä/ö/ü/ß folded to ae/oe/ue/ss, "
             "punctuation removed, spaces collapsed. A sentence counts as seen when it occurs in any train review.", "",
             "| data | split | sentences seen in train | share | reviews made only of seen sentences |",
             "|---|---|---:|---:|---:|"]
    for label, figures in (("before (shared bank)", OVERLAP_BEFORE), ("now (bank split)", now)):
        for name in ("validation", "test"):
            f = figures[name]
            lines.append(f"| {label} | {name} | {f['in_train']} of {f['sentences']} | "
                         f"{_share(f['in_train'], f['sentences'])} | {f['reviews_only_train']} of {f['reviews']} |")
    lines.append("")
    return lines


def bank_markdown(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Bank size before and now, how it is split, and how many fragments the reviews of each split use."""
    entries = bank_entries()
    split_of = bank_split(entries)
    now = count_bank(entries)
    frame_now = sum(now.get(role, 0) for role in FRAME_ROLES)
    lines = ["### Fragment bank (data/build/fragments.py) and its split", "",
             "| | topic sentences | two-label sentences | distractors | frame pieces | total |",
             "|---|---:|---:|---:|---:|---:|",
             f"| before (commit 1753d61) | {BANK_BEFORE['topic']} | {BANK_BEFORE['pair']} | "
             f"{BANK_BEFORE['distractor']} | {BANK_BEFORE['frame']} | {BANK_BEFORE['total']} |",
             f"| now | {now.get('topic', 0)} | {now.get('pair', 0)} | {now.get('distractor', 0)} | {frame_now} | "
             f"{now['total']} |", "",
             "Frame pieces are openers, closers, contrast markers, fillers, scene-setting and the vague starts of "
             "very short reviews. Topic sentences per label, kind and split (train / validation / test):", "",
             "| label | explicit | implicit | brief | of these: negation | comparison | irony | distractors |",
             "|---|---|---|---|---|---|---|---|"]

    def per_split(selected: list[Entry]) -> str:
        c = Counter(split_of[e.fid] for e in selected)
        return " / ".join(str(c[name]) for name in SPLIT_NAMES)

    for label in LABELS:
        topic = [e for e in entries if e.role == "topic" and e.labels[0] == label]
        cells = [per_split([e for e in topic if e.kind == kind]) for kind in KINDS]
        styles = [per_split([e for e in topic if style in e.style]) for style in STYLES]
        distractors = per_split([e for e in entries if e.role == "distractor" and e.about == label])
        lines.append(f"| {label} | " + " | ".join(cells + styles + [distractors]) + " |")
    lines.append("")
    lines += ["| | train | validation | test |", "|---|---:|---:|---:|"]
    for role in ("pair",) + FRAME_ROLES:
        c = Counter(split_of[e.fid] for e in entries if e.role == role)
        lines.append(f"| {role} | " + " | ".join(str(c[name]) for name in SPLIT_NAMES) + " |")
    used = {name: {fid for value in frame["fragments"] for fid in value.split()} for name, frame in frames.items()}
    lines.append("| fragments used by the split's reviews | "
                 + " | ".join(str(len(used[name])) for name in SPLIT_NAMES) + " |")
    shared = (used["train"] & used["validation"]) | (used["train"] & used["test"]) | (used["validation"] & used["test"])
    lines += ["", f"Fragments used by reviews of two splits: {len(shared)}.", ""]
    return lines


def baseline_markdown(baseline: dict, names: list[str]) -> list[str]:
    titles = {
        "0.5": "0.5 for every label",
        "global": "one threshold tuned on validation ({:.2f})".format(baseline["global"]["thresholds"][0]),
        "per_label": "per-label thresholds tuned on validation",
        "per_label_at_least_one": "per-label thresholds, at least one label per review",
    }
    lines = ["### TF-IDF baseline", "",
             "`helpers.baselines.tfidf_probabilities` (TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), "
             "min_df=2) "
             "+ OneVsRestClassifier(LogisticRegression(max_iter=2000))), fitted on train; thresholds from "
             "`helpers.thresholds.tune_thresholds` on validation:", "",
             "| thresholds | validation micro-F1 | validation macro-F1 | test micro-F1 | test macro-F1 |",
             "|---|---:|---:|---:|---:|"]
    for setting, title in titles.items():
        row = baseline[setting]
        lines.append(f"| {title} | {row['validation']['micro']:.3f} | {row['validation']['macro']:.3f} | "
                     f"{row['test']['micro']:.3f} | {row['test']['macro']:.3f} |")
    fixed, tuned = baseline["0.5"]["test"], baseline["per_label"]["test"]
    lines += ["", f"Test micro precision / recall: {fixed['precision']:.2f} / {fixed['recall']:.2f} at 0.5, "
              f"{tuned['precision']:.2f} / {tuned['recall']:.2f} at the per-label thresholds ("
              + ", ".join(f"{label} {value:.2f}" for label, value in zip(names, baseline["per_label"]["thresholds"]))
              + ").", ""]
    lines += ["Test F1 per label at the per-label thresholds: " + ", ".join(
        f"{label} {value:.2f}" for label, value in zip(names, baseline["per_label"]["test"]["per_label"])) + ".", ""]
    return lines


def seed_study(count: int) -> None:
    """How much the TF-IDF figures depend on the seed (label sets, bank split, composition): builds
    with SEED and the seeds 1 .. count-1 in memory and prints micro-F1 per build, mean and spread."""
    if count < 1:
        raise SystemExit(f"--seeds needs a positive number of builds, got {count}.")
    rows = []
    for seed in [SEED] + list(range(1, count)):
        baseline = tfidf_baseline(to_splits(build(seed)))
        row = [baseline[s][name]["micro"] for s in ("per_label", "0.5", "global") for name in ("validation", "test")]
        rows.append(row)
        print(f"seed {seed}: per-label thresholds validation {row[0]:.3f} test {row[1]:.3f}; "
              f"0.5 test {row[3]:.3f}; one tuned threshold test {row[5]:.3f}")
    values = np.array(rows)
    print(f"{count} builds, test micro-F1 mean (standard deviation): per-label thresholds "
          f"{values[:, 1].mean():.3f} ({values[:, 1].std():.3f}), 0.5 {values[:, 3].mean():.3f} "
          f"({values[:, 3].std():.3f}), one tuned threshold {values[:, 5].mean():.3f} ({values[:, 5].std():.3f})")


# --- command line ---------------------------------------------------------------------------


def load_fragments_file(path: Path):
    """Import a fragments.py file from any path (e.g. an older version written out by git show)."""
    if not path.is_file():
        raise SystemExit(f"{path}: no such file. Write an older bank out with: "
                         "git show COMMIT:data/build/fragments.py > FILE")
    spec = importlib.util.spec_from_file_location(f"fragments_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the embedded German reviews from the fragment bank.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="rebuild in memory and compare with the committed files")
    mode.add_argument("--count-bank", type=Path, metavar="FRAGMENTS_PY", help="count the fragments of a fragments.py")
    mode.add_argument("--overlap", type=Path, metavar="DIR", help="sentence overlap of DIR/reviews_*.csv")
    mode.add_argument("--seeds", type=int, metavar="N",
                      help="TF-IDF figures of in-memory builds with the seed and N-1 others (nothing is written)")
    args = parser.parse_args(argv)
    try:
        if args.count_bank:
            counts = count_bank(load_bank(load_fragments_file(args.count_bank)))
            frame = sum(counts.get(role, 0) for role in FRAME_ROLES)
            print(json.dumps({**counts, "frame": frame}, ensure_ascii=False, indent=1))
            return 0
        if args.overlap:
            texts = {}
            for name in SPLIT_NAMES:
                path = args.overlap / f"reviews_{name}.csv"
                if not path.is_file():
                    raise SystemExit(f"{path}: no such file; --overlap needs reviews_train/validation/test.csv there.")
                texts[name] = list(pd.read_csv(path, keep_default_na=False, dtype=str)["text"])
            print(json.dumps(sentence_overlap(texts), indent=1))
            return 0
        if args.seeds:
            seed_study(args.seeds)
            return 0
        files, figures = outputs(build())
    except BankError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.check:
        stale = [path for path, content in files.items() if not path.is_file() or path.read_bytes() != content]
        for path in stale:
            print(f"differs from a fresh build: {path.relative_to(REPO)}", file=sys.stderr)
        if stale:
            print("Run python data/build/compose.py and commit the result.", file=sys.stderr)
            return 1
        print(f"{len(files)} files match a fresh build.")
        return 0
    for path, content in files.items():
        path.write_bytes(content)
    print(f"reviews: {figures['sizes']}")
    for name, f in figures["overlap"].items():
        print(f"{name}: {f['in_train']} of {f['sentences']} sentences occur in train "
              f"({_share(f['in_train'], f['sentences'])}); {f['reviews_only_train']} of {f['reviews']} reviews "
              "consist only of such sentences")
    for setting, row in figures["baseline"].items():
        print(f"TF-IDF thresholds {setting}: validation micro-F1 {row['validation']['micro']:.3f}, "
              f"test micro-F1 {row['test']['micro']:.3f}, test macro-F1 {row['test']['macro']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
