"""Does the label audit find label errors? Errors injected into the embedded training reviews by a seeded script.

A share of the training texts (5% by default) gets one error each, half of each kind:
- missing: a text with two or more labels loses one of them;
- swapped: one of a text's labels is replaced by a label it does not have.
`helpers.audit.audit_labels` then ranks all texts, and the script prints the share of the injected texts among
the top 2 x N (N = the number of injected texts), and among the top N, per kind, with the time it took.
`--scale 20000` instead times the audit on 20,000 texts, each made by joining one to three training reviews
(seeded; labels: the union of theirs), to show it stays within minutes on a laptop.

    python bench/audit_injection.py                  # recall on the embedded training split, 5% injected
    python bench/audit_injection.py --scale 20000    # time on 20,000 texts
"""

from __future__ import annotations

import argparse
import logging
import time

import numpy as np


def inject(labels: np.ndarray, share: float, seed: int) -> tuple[np.ndarray, dict[int, str]]:
    """A copy of `labels` with errors in round(share * n) texts: {row: "missing" | "swapped"}."""
    rng = np.random.default_rng(seed)
    labels = labels.copy()
    n = int(round(share * len(labels)))
    several = np.flatnonzero(labels.sum(axis=1) >= 2)
    missing = rng.choice(several, size=n // 2, replace=False)
    others = np.setdiff1d(np.arange(len(labels)), missing)
    swapped = rng.choice(others, size=n - len(missing), replace=False)
    for row in missing:
        labels[row, rng.choice(np.flatnonzero(labels[row]))] = 0
    for row in swapped:
        labels[row, rng.choice(np.flatnonzero(labels[row]))] = 0
        labels[row, rng.choice(np.flatnonzero(labels[row] == 0))] = 1
    return labels, {**{int(r): "missing" for r in missing}, **{int(r): "swapped" for r in swapped}}


def main() -> None:
    from helpers.audit import MODEL_DESCRIPTION, audit_labels
    from helpers.data import load_embedded

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, default=0.05, help="share of texts given one error (default 0.05)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the injection (the audit's folds use seed 0)")
    parser.add_argument("--scale", type=int, help="time the audit on this many composed texts instead")
    args = parser.parse_args()
    logging.getLogger("helpers").setLevel(logging.WARNING)
    train = load_embedded().train
    names = load_embedded().label_names
    if args.scale:
        rng = np.random.default_rng(args.seed)
        texts, rows = [], []
        for _ in range(args.scale):
            picked = rng.choice(len(train.texts), size=rng.integers(1, 4), replace=False)
            texts.append(" ".join(train.texts[i] for i in picked))
            rows.append(train.labels[picked].max(axis=0))
        started = time.perf_counter()
        audit_labels(texts, np.asarray(rows), names)
        print(f"Audit of {len(texts)} composed texts ({MODEL_DESCRIPTION}, 5 folds): "
              f"{time.perf_counter() - started:.0f} s")
        return
    labels, injected = inject(train.labels, args.share, args.seed)
    started = time.perf_counter()
    table = audit_labels(train.texts, labels, names)
    seconds = time.perf_counter() - started
    n = len(injected)
    for top in (2 * n, n):
        found = set(table["row"].head(top)) & set(injected)
        kinds = {kind: sum(injected[r] == kind for r in found) / sum(k == kind for k in injected.values())
                 for kind in ("missing", "swapped")}
        print(f"top {top:4} of {len(table)}: {len(found)} of {n} injected texts ({len(found) / n:.0%}); "
              f"missing {kinds['missing']:.0%}, swapped {kinds['swapped']:.0%}")
    top = table.head(2 * n)
    right_label = sum(
        (labels[r].astype(bool) != train.labels[r].astype(bool))[names.index(label)]
        for r, label in zip(top["row"], top["suspect_label"]) if r in injected
    )
    print(f"of the injected texts in the top {2 * n}, the suspect label is the one changed in {right_label}")
    print(f"{len(train.texts)} training texts, {n} injected ({args.share:.0%}, seed {args.seed}); audit {seconds:.0f} s")


if __name__ == "__main__":
    main()
