"""Recipe search for a profile on the embedded reviews: each setting is trained once and chosen on validation.

Every run goes through `helpers.recipe.fine_tune` (the recipe the notebooks and the command line use)
into its own run folder under --runs (reused when it is there, so the search can be continued). The table
shows validation micro-F1 (per-label thresholds, the setting the model folder saves) and, only for reading
afterwards, the test score; the winner is picked on validation alone.

    python bench/recipe_search.py --profile cpu --grid "epochs=5,10 learning_rate=1e-4,2e-4 max_length=256"
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from helpers.data import load_embedded
from helpers.device import detect_device, with_precision
from helpers.profiles import choose_profile
from helpers.recipe import load_run, fine_tune

def _switch(value: str) -> bool:
    if value.lower() not in ("0", "1", "true", "false", "yes", "no"):
        raise SystemExit(f"{value!r} is not a switch; use 1 or 0.")
    return value.lower() in ("1", "true", "yes")


NUMERIC = {"epochs": float, "learning_rate": float, "head_learning_rate": float, "max_length": int,
           "batch_size": int, "warmup_ratio": float, "seed": int, "linear_probe": _switch,
           "freeze_word_embeddings": _switch}


def parse_grid(text: str) -> list[dict]:
    """'epochs=5,10 learning_rate=1e-4' -> every combination, as override dicts."""
    axes = []
    for part in text.split():
        name, _, values = part.partition("=")
        if name not in NUMERIC:
            raise SystemExit(f"Unknown setting {name!r}; use {sorted(NUMERIC)}.")
        axes.append([(name, NUMERIC[name](value)) for value in values.split(",")])
    return [dict(combination) for combination in itertools.product(*axes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="cpu")
    parser.add_argument("--grid", required=True, help='settings to try, e.g. "epochs=5,10 learning_rate=1e-4,2e-4"')
    parser.add_argument("--precision", default="auto", help="auto (the device's default), fp32 or bf16")
    parser.add_argument("--runs", type=Path, default=Path("runs/search"))
    parser.add_argument("--json", type=Path, help="also write the table here")
    args = parser.parse_args()

    base = choose_profile(args.profile, verbose=False)
    splits = load_embedded()
    device = with_precision(detect_device(), args.precision)
    rows = []
    for overrides in parse_grid(args.grid):
        profile = base.with_overrides(**overrides)
        name = "_".join(f"{k}={v:g}" if not isinstance(v, bool) else f"{k}={int(v)}" for k, v in overrides.items())
        run_dir = args.runs / f"{profile.name}_{device.precision}_{name}"
        start = time.perf_counter()
        if (run_dir / "metrics.json").exists():
            run = load_run(run_dir)
            seconds = None
        else:
            run = fine_tune(profile, splits, run_dir, device=device, overwrite=True)
            seconds = time.perf_counter() - start
        metrics = run.metrics
        rows.append({
            "settings": name, "precision": device.precision, "seconds": seconds,
            "validation": metrics["validation"]["as_saved"]["micro_f1"],
            "validation_0.5": metrics["validation"]["threshold_0.5"]["micro_f1"],
            "test": metrics["test"]["as_saved"]["micro_f1"],
            "test_macro": metrics["test"]["as_saved"]["macro_f1"],
        })
        print(json.dumps(rows[-1]), flush=True)
    best = max(rows, key=lambda row: row["validation"])
    print(f"\n{'settings':<48}{'val (saved rule)':>18}{'val @0.5':>10}{'test (saved rule)':>19}{'test macro':>12}{'s':>7}")
    for row in rows:
        mark = "  <- chosen on validation" if row is best else ""
        seconds = f"{row['seconds']:.0f}" if row["seconds"] else "reused"
        print(f"{row['settings']:<48}{row['validation']:>18.3f}{row['validation_0.5']:>10.3f}{row['test']:>19.3f}"
              f"{row['test_macro']:>12.3f}{seconds:>7}{mark}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"profile": base.describe(), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
