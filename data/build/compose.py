"""Build the embedded German review dataset from the hand-written fragments in `fragments.py`.

Run from the repository root:  python data/build/compose.py

It samples label sets (imbalanced, 1-3 labels), composes a review per label set from fragments,
roughens the spelling, de-duplicates, splits by iterative stratification, writes
``data/reviews_{train,validation,test}.csv`` and ``data/labels.json``, rewrites the statistics
section of ``data/README.md`` and prints the TF-IDF baseline. Everything is drawn from one
seeded `random.Random`, so two runs give byte-identical files.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
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

from fragments import (  # noqa: E402
    CLOSERS, COLLOQUIAL, CONTRAST, DISTRACTORS, FILLERS, LABELS, LOWERCASE_OK, OPENERS, PAIR_FRAGMENTS,
    PRODUCTS, SLOTS, STORY, TOPIC_FRAGMENTS, VAGUE, Fragment, Product,
)
from helpers.data import SPLIT_NAMES, Splits, load_table, stratified_indices  # noqa: E402

SEED = 20240917
TARGET_REVIEWS = 2600  # unique reviews after de-duplication
SPLIT_FRACTIONS = (0.7, 0.15, 0.15)
MAX_WORDS = 125

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
P_IMPLICIT = 0.50  # a topic sentence that avoids the topic's keyword
P_BRIEF_SECONDARY = 0.30  # an extra topic mentioned only in passing ("Preis ok.")
P_PAIR = 0.35  # one sentence covering two of the review's topics
P_DISTRACTOR = 0.45  # a topic word without the topic (no label)
P_FILLER = 0.40
P_OPENER = 0.30
P_CLOSER = 0.40
P_DROP_GIVEN_BRIEF = 0.18  # annotator overlooked a passing mention (ends up ~2 % of reviews)
ZIPF_EXPONENT = 1.0  # some phrasings are common, many rare, as in real reviews
P_COLLOQUIAL, P_COLLOQUIAL_EACH = 0.30, 0.35
P_LETTER_TYPO = 0.20
P_UMLAUT = 0.10
P_LOWER = 0.10
P_NO_FINAL_PERIOD = 0.15


@dataclass
class Piece:
    """One sentence of a review and the labels it expresses (none for distractors and frame)."""

    text: str
    polarity: str
    labels: tuple[str, ...] = ()
    brief: bool = False


@dataclass
class Review:
    """A composed review; `dropped` lists labels deliberately left untagged (annotator slips)."""

    text: str
    labels: list[str]
    primary: str
    dropped: list[str] = field(default_factory=list)


class Composer:
    """Draws reviews from the fragment bank with one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        # Zipf-like weights over a seeded shuffle of each label's fragments: a few phrasings are
        # frequent and many rare, so the test split holds phrasings training has barely seen.
        self.weights: dict[str, dict[str, float]] = {}
        for label in LABELS:
            texts = [f.text for f in TOPIC_FRAGMENTS[label]]
            ranks = list(range(len(texts)))
            self.rng.shuffle(ranks)
            self.weights[label] = {t: 1.0 / (r + 1) ** ZIPF_EXPONENT for t, r in zip(texts, ranks)}

    # --- sampling helpers -------------------------------------------------------------------

    def _choose(self, options: dict) -> object:
        """One key of `options`, drawn with the values as weights."""
        return self.rng.choices(list(options), list(options.values()))[0]

    def sample_label_set(self) -> tuple[str, list[str]]:
        """A main topic plus 0-2 extra topics, extras favouring topics that co-occur in practice."""
        primary = self._choose(PRIMARY_WEIGHTS)
        chosen = [primary]
        for _ in range(self._choose(CARDINALITY) - 1):
            options = {
                label: SECONDARY_WEIGHTS[label] * max(AFFINITY.get(frozenset({label, c}), 1.0) for c in chosen)
                for label in LABELS
                if label not in chosen
            }
            chosen.append(self._choose(options))
        return primary, chosen

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

    def pick(self, label: str, kind: str, polarity: str, product: Product, used: set[str]) -> Fragment:
        """A fragment of `label` and `kind` with this tone that fits the product and is not used yet."""
        fits = [f for f in TOPIC_FRAGMENTS[label] if fits_product(f, product) and f.text not in used]
        candidates = (
            [f for f in fits if f.kind == kind and f.polarity == polarity]
            or [f for f in fits if f.kind == kind and f.polarity in (polarity, "0")]
            or [f for f in fits if f.polarity == polarity]
            or fits
        )
        weights = [self.weights[label][f.text] for f in candidates]
        fragment = self.rng.choices(candidates, weights)[0]
        used.add(fragment.text)
        return fragment

    def topic_piece(self, label: str, tone: dict[str, str], product: Product, used: set[str], brief: bool = False) -> Piece:
        """One sentence on `label`. A mixed ("0") topic opens with a mixed sentence and then leans
        one way, so that a review never praises and slams the same thing in one breath."""
        kind = "brief" if brief else ("implicit" if self.rng.random() < P_IMPLICIT else "explicit")
        polarity = tone[label]
        fragment = self.pick(label, kind, polarity, product, used)
        if polarity == "0":
            tone[label] = self.rng.choice("+-")
        return Piece(self.render(fragment.text, product), fragment.polarity, (label,), brief=fragment.kind == "brief")

    def pair_piece(self, pair: tuple[str, str], tone: dict[str, str], product: Product, used: set[str]) -> Piece | None:
        """A sentence covering both labels of `pair` whose tone fits both (or None)."""
        pool = [
            f for f in PAIR_FRAGMENTS[pair]
            if fits_product(f, product) and f.text not in used
            and all(f.polarity == "0" or tone[label] in (f.polarity, "0") for label in pair)
        ]
        if not pool:
            return None
        fragment = self.rng.choice(pool)
        used.add(fragment.text)
        return Piece(self.render(fragment.text, product), fragment.polarity, pair)

    # --- one review -------------------------------------------------------------------------

    def review(self) -> Review:
        """Compose one review; retried until it fits MAX_WORDS."""
        while True:
            review = self._review()
            if len(review.text.split()) <= MAX_WORDS:
                return review

    def _review(self) -> Review:
        primary, labels = self.sample_label_set()
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
                    if pair in PAIR_FRAGMENTS:
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
                template = self.rng.choice(DISTRACTORS[other])
                body.insert(self.rng.randint(0, len(body)), Piece(self.render(template, product), "0"))

        overall = self._overall(body)
        frame_start: list[Piece] = []
        if self.rng.random() < P_OPENER:
            frame_start.append(Piece(self.rng.choice(OPENERS[overall]), "0"))
        if self.rng.random() < P_FILLER:
            filler = Piece(self.render(self.rng.choice(FILLERS), product), "0")
            if self.rng.random() < 0.75:
                frame_start.append(filler)
            else:
                body.append(filler)
        if long:  # long reviews tell a bit of a story before getting to the point
            for template in self.rng.sample(STORY, self.rng.choice([1, 2])):
                frame_start.append(Piece(self.render(template, product), "0"))
        end = [Piece(self.rng.choice(CLOSERS[overall]), "0")] if long or self.rng.random() < P_CLOSER else []

        text = self.roughen(self.join(frame_start + body + end))
        all_labels = sorted({label for piece in body for label in piece.labels}, key=LABELS.index)
        dropped = self._maybe_drop(body, primary)
        final = [label for label in all_labels if label not in dropped]
        return Review(text, final, primary, dropped)

    def _short_review(self, primary: str, labels: list[str], tone: dict, product: Product, used: set[str]) -> Review:
        """'passt scho, kam fix': a vague word and a brief clause per topic, main topic first."""
        pieces = [self.topic_piece(label, tone, product, used, brief=True) for label in labels]
        parts = [piece.text for piece in pieces]
        if self.rng.random() < 0.5:
            parts.insert(0, self.rng.choice(VAGUE))
        text = self.roughen(" ".join(parts))
        return Review(text, sorted(labels, key=LABELS.index), primary)

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

    def join(self, pieces: list[Piece]) -> str:
        """Join sentences; where the tone flips, sometimes mark the contrast ('..., aber ...')."""
        out = pieces[0].text
        for prev, piece in zip(pieces, pieces[1:]):
            text = piece.text
            flips = {prev.polarity, piece.polarity} == {"+", "-"}
            first_word = text.split()[0].lower().strip(",:")
            roll = self.rng.random()
            if flips and roll < 0.3 and first_word in LOWERCASE_OK and out[-1] in ".!":
                out = out[:-1] + ", aber " + text[0].lower() + text[1:]
            elif flips and roll < 0.6:
                out += " " + self.rng.choice(CONTRAST[piece.polarity]) + " " + text
            else:
                out += " " + text
        return out

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
            for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
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


def fits_product(fragment: Fragment, product: Product) -> bool:
    """Whether a fragment suits the review's product (untagged fragments suit every product)."""
    return fragment.category is None or product.category in fragment.category


def normalise(text: str) -> str:
    """The form used to detect duplicates: case and whitespace do not make a text new."""
    return " ".join(text.lower().split())


def generate(seed: int = SEED, target: int = TARGET_REVIEWS) -> pd.DataFrame:
    """Unique reviews with id, text, labels ('|'-joined in label order), primary_label, dropped."""
    composer = Composer(seed)
    seen: set[str] = set()
    rows = []
    attempts = 0
    while len(rows) < target:
        attempts += 1
        if attempts > target * 20:
            raise RuntimeError("Too many duplicates: the fragment bank is too small for the target size.")
        review = composer.review()
        key = normalise(review.text)
        if key in seen:
            continue
        seen.add(key)
        rows.append({
            "id": f"r{len(rows):05d}",
            "text": review.text,
            "labels": "|".join(review.labels),
            "primary_label": review.primary,
            "dropped": "|".join(review.dropped),
        })
    return pd.DataFrame(rows)


def multi_hot(label_strings: pd.Series) -> np.ndarray:
    """'|'-joined label strings -> float32 rows in the fixed label order."""
    rows = np.zeros((len(label_strings), len(LABELS)), dtype=np.float32)
    for i, value in enumerate(label_strings):
        for label in value.split("|"):
            rows[i, LABELS.index(label)] = 1.0
    return rows


COLUMNS = ["id", "text", "labels", "primary_label"]


def split_frame(frame: pd.DataFrame, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """train / validation / test by iterative stratification, each in generation order."""
    parts = stratified_indices(multi_hot(frame["labels"]), SPLIT_FRACTIONS, seed=seed)
    return {name: frame.iloc[np.sort(indices)].reset_index(drop=True) for name, indices in zip(SPLIT_NAMES, parts)}


def build(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The three splits exactly as written to disk (plus the `dropped` bookkeeping column)."""
    return split_frame(generate(seed), seed)


def write_files(frames: dict[str, pd.DataFrame]) -> None:
    """The three CSV files (UTF-8, standard quoting, LF line ends) and labels.json."""
    for name, split in frames.items():
        split[COLUMNS].to_csv(DATA / f"reviews_{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    (DATA / "labels.json").write_text(json.dumps(LABELS, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- statistics and baseline ----------------------------------------------------------------


def tfidf_baseline(splits: Splits) -> dict[str, dict[str, float]]:
    """TF-IDF + one-vs-rest logistic regression at threshold 0.5: micro/macro-F1 per split."""
    from sklearn.metrics import f1_score

    from helpers.baselines import tfidf_probabilities

    probabilities = tfidf_probabilities(splits.train.texts, splits.train.labels,
                                        splits.validation.texts, splits.test.texts)
    scores = {}
    for name, split_probabilities in zip(("validation", "test"), probabilities):
        predicted = (split_probabilities >= 0.5).astype(int)
        truth = splits[name].labels.astype(int)
        scores[name] = {
            "micro": float(f1_score(truth, predicted, average="micro", zero_division=0)),
            "macro": float(f1_score(truth, predicted, average="macro", zero_division=0)),
            "per_label": [float(v) for v in f1_score(truth, predicted, average=None, zero_division=0)],
        }
    return scores


def stats_markdown(splits: Splits, frames: dict[str, pd.DataFrame], baseline: dict) -> str:
    """The datasheet's statistics section; every figure computed here from the written files."""
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
              f"({dropped / total:.1%} of all reviews).", ""]

    lines += ["### TF-IDF baseline", "",
              "TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2) + OneVsRestClassifier("
              "LogisticRegression(max_iter=1000)), fitted on train, threshold 0.5:", "",
              "| split | micro-F1 | macro-F1 |", "|---|---:|---:|"]
    for name in ("validation", "test"):
        lines.append(f"| {name} | {baseline[name]['micro']:.3f} | {baseline[name]['macro']:.3f} |")
    lines += ["", "Test F1 per label: " + ", ".join(
        f"{label} {value:.2f}" for label, value in zip(names, baseline["test"]["per_label"])) + ".", ""]

    lines += ["### Fragment bank (data/build/fragments.py)", "",
              "| label | explicit | implicit | brief | total | two-label sentences | distractors |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for label in names:
        kinds = Counter(f.kind for f in TOPIC_FRAGMENTS[label])
        pairs = sum(len(v) for pair, v in PAIR_FRAGMENTS.items() if label in pair)
        lines.append(f"| {label} | {kinds['explicit']} | {kinds['implicit']} | {kinds['brief']} | "
                     f"{len(TOPIC_FRAGMENTS[label])} | {pairs} | {len(DISTRACTORS[label])} |")
    lines.append("")

    settings = {
        "seed": SEED, "unique reviews": TARGET_REVIEWS, "split fractions": SPLIT_FRACTIONS,
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


def rewrite_datasheet(section: str) -> None:
    """Replace what lies between the stats markers in data/README.md."""
    path = DATA / "README.md"
    start, end = "<!-- stats:start -->", "<!-- stats:end -->"
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{path} lacks the {start} / {end} markers.")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + start + "\n" + section + "\n" + end + tail, encoding="utf-8")


def main() -> None:
    frames = build()
    write_files(frames)
    splits = load_table(
        train=DATA / "reviews_train.csv", validation=DATA / "reviews_validation.csv",
        test=DATA / "reviews_test.csv", label_delimiter="|", primary_column="primary_label",
        label_order=LABELS, source="embedded German reviews",
    )
    baseline = tfidf_baseline(splits)
    rewrite_datasheet(stats_markdown(splits, frames, baseline))
    print(f"reviews: {splits.sizes()}")
    for name in ("validation", "test"):
        print(f"TF-IDF baseline {name}: micro-F1 {baseline[name]['micro']:.3f}, macro-F1 {baseline[name]['macro']:.3f}")


if __name__ == "__main__":
    main()
