"""The fragment bank as one flat list of entries with ids, split three ways, and checked.

`fragments.py` holds the hand-written sentences in blocks that are easy to write; this module turns
them into `Entry` rows with a short id each, assigns every entry to exactly one split (train,
validation or test) and refuses a bank in which two entries can produce the same sentence.

Fragment ids (they appear in ``data/build/review_fragments.csv``):

* topic sentences: label code + number in bank order, e.g. ``LI17`` (the 17th Lieferung sentence);
* two-label sentences: both codes + number, e.g. ``KSRG3``;
* label-less pieces: ``d`` + label code for distractors (``dPR4``), ``o`` / ``c`` / ``x`` + tone
  (``p`` praise, ``m`` complaint, ``z`` mixed) for openers, closers and contrast markers
  (``om2``), ``f`` fillers, ``s`` scene-setting, ``v`` vague starts of very short reviews.

Numbers count within their group in bank order, so an id names one line of the bank as it is.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

LABEL_CODES = {
    "Kundenservice": "KS", "Benutzererfahrung": "BE", "Lieferung": "LI", "Produktqualität": "PQ",
    "Preis": "PR", "Zahlung": "ZA", "Rückgabe": "RG", "Datenschutz": "DS",
}
TONE_CODES = {"+": "p", "-": "m", "0": "z"}
ROLES = ("topic", "pair", "distractor", "opener", "closer", "filler", "story", "vague", "contrast")
KINDS = ("explicit", "implicit", "brief")
STYLES = ("negation", "comparison", "irony")


class BankError(ValueError):
    """A fragment bank that cannot be used; the message names the line(s) in fragments.py."""


@dataclass(frozen=True)
class Entry:
    """One hand-written fragment with everything the composer and the split need to know."""

    fid: str
    role: str  # one of ROLES
    template: str  # text with [a|b] alternatives and {slot} placeholders
    polarity: str = "0"  # "+", "-" or "0"; frame pieces carry the tone they fit
    labels: tuple[str, ...] = ()  # empty for label-less pieces
    kind: str = ""  # explicit / implicit / brief for topic sentences, "pair" for two-label ones
    category: str | None = None  # product categories it fits ("k", "at"); None fits all
    style: tuple[str, ...] = ()  # negation / comparison / irony, where the bank marks it
    about: str = ""  # for a distractor: the label whose words it uses without carrying it

    @property
    def group(self) -> str:
        """The stratum the split keeps in proportion: label and kind, pair, or role and tone."""
        if self.role == "topic":
            return f"topic {self.labels[0]} {self.kind}"
        if self.role == "pair":
            return "pair " + "+".join(self.labels)
        if self.role == "distractor":
            return f"distractor {self.about}"
        if self.role in ("opener", "closer", "contrast"):
            return f"{self.role} {self.polarity}"
        return self.role


# --- reading a fragments module -----------------------------------------------------------------


def _frame_entries(prefix: str, role: str, templates: Sequence[str], polarity: str = "0") -> list[Entry]:
    return [Entry(f"{prefix}{i}", role, t, polarity) for i, t in enumerate(templates, 1)]


def load_bank(module: ModuleType) -> list[Entry]:
    """Every hand-written fragment of a `fragments` module (today's or an older one) as entries."""
    labels = module.LABELS
    entries: list[Entry] = []
    for label in labels:
        for i, fragment in enumerate(module.TOPIC_FRAGMENTS[label], 1):
            entries.append(Entry(f"{LABEL_CODES[label]}{i}", "topic", fragment.text, fragment.polarity, (label,),
                                 fragment.kind, fragment.category, tuple(getattr(fragment, "style", ()) or ())))
    for pair, fragments in module.PAIR_FRAGMENTS.items():
        code = "".join(LABEL_CODES[label] for label in pair)
        for i, fragment in enumerate(fragments, 1):
            entries.append(Entry(f"{code}{i}", "pair", fragment.text, fragment.polarity, tuple(pair), "pair",
                                 fragment.category, tuple(getattr(fragment, "style", ()) or ())))
    for label in labels:
        for i, template in enumerate(module.DISTRACTORS[label], 1):
            entries.append(Entry(f"d{LABEL_CODES[label]}{i}", "distractor", template, about=label))
    for tone in "+-0":
        entries += _frame_entries(f"o{TONE_CODES[tone]}", "opener", module.OPENERS[tone], tone)
        entries += _frame_entries(f"c{TONE_CODES[tone]}", "closer", module.CLOSERS[tone], tone)
    for tone in "+-":
        entries += _frame_entries(f"x{TONE_CODES[tone]}", "contrast", module.CONTRAST[tone], tone)
    entries += _frame_entries("f", "filler", module.FILLERS)
    entries += _frame_entries("s", "story", module.STORY)
    entries += _frame_entries("v", "vague", module.VAGUE)
    return entries


def count_bank(entries: Sequence[Entry]) -> dict[str, int]:
    """Distinct hand-written fragments per role, per topic label and kind, and in total."""
    counts: Counter[str] = Counter()
    for entry in entries:
        counts[entry.role] += 1
        if entry.role == "topic":
            counts[f"{entry.labels[0]} {entry.kind}"] += 1
        for style in entry.style:
            counts[f"style {style}"] += 1
    counts["total"] = len(entries)
    return dict(counts)


# --- surface forms and the duplicate check ------------------------------------------------------

_ALTERNATIVES = re.compile(r"\[([^\[\]]+)\]")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def expansions(template: str) -> list[str]:
    """Every text a template's [a|b] alternatives allow (slots stay as {name})."""
    parts = _ALTERNATIVES.split(template)
    # split() alternates: literal, alternatives, literal, ...
    choices = [[part] if i % 2 == 0 else part.split("|") for i, part in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


def split_sentences(text: str) -> list[str]:
    """A review cut after every . ! or ? that is followed by white space."""
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def normalise_sentence(sentence: str) -> str:
    """Lower case, ä/ö/ü/ß folded to ae/oe/ue/ss, punctuation removed, spaces collapsed."""
    folded = sentence.lower().translate(_FOLD)
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def normalised_sentences(text: str) -> list[str]:
    """The normalised sentences of a text (empty ones dropped)."""
    return [s for s in map(normalise_sentence, split_sentences(text)) if s]


def check_bank(entries: Sequence[Entry], source: Path) -> None:
    """Refuse two entries that can write the same sentence: it would cross splits as a shared sentence."""
    if len({e.fid for e in entries}) != len(entries):
        raise BankError(f"{source}: fragment ids are not unique; this is a bug in bank.load_bank.")
    owners: dict[str, set[str]] = defaultdict(set)
    by_id = {e.fid: e for e in entries}
    for entry in entries:
        if entry.template.count("[") != entry.template.count("]") or "[[" in entry.template:
            raise BankError(f"{where(source, entry.template)}: unbalanced or nested [a|b] alternatives in "
                            f"{entry.template!r}; write one level of [a|b] per choice.")
        for text in expansions(entry.template):
            for sentence in normalised_sentences(text):
                owners[sentence].add(entry.fid)
    clashes = [(s, sorted(ids)) for s, ids in owners.items() if len(ids) > 1]
    if clashes:
        lines = [f"  '{s}' from " + " and ".join(f"{i} ({where(source, by_id[i].template)})" for i in ids)
                 for s, ids in clashes[:20]]
        raise BankError(f"{len(clashes)} sentences can be written by two fragments of the bank, so they could "
                        f"turn up in two splits. Reword one of each:\n" + "\n".join(lines))


def where(source: Path, template: str) -> str:
    """'fragments.py:LINE' of the line that holds `template` (a quoted list item or the end of a block line)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    for test in (lambda line: f'"{template}"' in line, lambda line: line.rstrip().endswith(template),
                 lambda line: template in line):
        for number, line in enumerate(lines, 1):
            if test(line):
                return f"{source.name}:{number}"
    return source.name


# --- the split of the bank ----------------------------------------------------------------------


def assign_splits(entries: Sequence[Entry], names: Sequence[str], fractions: Sequence[float],
                  seed: int) -> dict[str, str]:
    """Each fragment id -> the one split it belongs to.

    Within every stratum (`Entry.group`) the entries are ordered by style (negation, comparison,
    irony), tone and product category, each block shuffled with a seed of its own, then dealt out
    so that every prefix of that order is as close as possible to `fractions` (largest deficit
    first, ties in a seeded order). Every style and tone of every label and kind therefore reaches
    every split as soon as there are a few such fragments, and editing one stratum does not
    reshuffle the others.
    """
    by_group: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_group[entry.group].append(entry)
    split_of: dict[str, str] = {}
    for group, members in by_group.items():
        rng = random.Random(f"{seed}:{group}")
        keyed = [(e.style, e.polarity, e.category or "", rng.random(), e) for e in members]
        keyed.sort(key=lambda k: k[:4])
        tie_order = rng.sample(range(len(names)), len(names))  # equal deficits: a seeded order per stratum
        counts = [0] * len(names)
        for k, (*_, entry) in enumerate(keyed, 1):
            deficits = [k * f - c for f, c in zip(fractions, counts)]
            choice = max(range(len(names)), key=lambda i: (round(deficits[i], 9), -tie_order.index(i)))
            counts[choice] += 1
            split_of[entry.fid] = names[choice]
    return split_of
