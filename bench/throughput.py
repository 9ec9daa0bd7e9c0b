"""Training and inference throughput: the package's default path against the common recipe, interleaved.

Common recipe (as in many tutorials): every text padded to max_length=128, fp32, random batches, a
plain `transformers.Trainer`, and inference over padded batches in input order. Ours: the package's
default path, `helpers.training.make_trainer` (dynamic padding, length-grouped batches, the precision
`helpers.device` picks) and `helpers.inference.predict_logits` (length-sorted batches) on the model
just trained, as `helpers.recipe.fine_tune` uses them, with the word embeddings frozen where the profile
freezes them (the multilingual model). Same model, same data, same starting weights (the model with its
linear-probe head), same number of steps. `--whole-training` runs the cpu profile's whole schedule instead,
so the validation micro-F1 of each recipe is the one after a complete training.

On a shared machine, wall-clock times move with the other work on it. So every recipe runs in its own
process and the processes take turns, one training step (or one inference batch) at a time: each
recipe is timed only during its own turns, and all of them see the same machine within seconds of
each other. The measurement is repeated (`--repeats`, fresh models from the same start each time), and
every repetition is reported with the load average at its start.

    python bench/throughput.py                      # the headline table: common, ours in fp32, ours by default
    python bench/throughput.py --levers             # what each lever adds, one row per lever
    python bench/throughput.py --dry-run            # tiny model, a few steps: checks that the script runs
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

TURN_TIMEOUT_S = 900  # a turn never waits this long unless a partner process died


@dataclass(frozen=True)
class Recipe:
    """One way to train and predict. The defaults are the package's own path."""

    name: str
    label: str
    trainer: str = "ours"  # "ours": helpers.training.make_trainer; "plain": transformers.Trainer
    padding: str = "dynamic"  # "dynamic" (per batch) or "max_length" (every text to max_length); plain only
    sampling: str = "group_by_length"  # plain only: "random" or "group_by_length"
    precision: str = "auto"  # "auto": what helpers.device picks; or "fp32", "bf16", "fp16"
    attention: str = "auto"  # "auto": helpers.device.attention_implementation (eager on a CPU); or "sdpa", "eager"
    compile: bool = False  # torch.compile the model before training
    threads: int | None = None  # torch.set_num_threads; None leaves torch's default (one per core)
    freeze: str = "auto"  # "auto": word embeddings frozen where the cpu profile freezes them; "none": all weights train
    inference: str = "sorted"  # "sorted": predict_logits; "dynamic": input order, padded per batch; "max_length"
    batch_size: int | None = None  # None: the run's --batch-size


COMMON = Recipe("common", "common: pad to max_length, fp32, random batches, plain Trainer, sdpa, all weights trained",
                trainer="plain", padding="max_length", sampling="random", precision="fp32", attention="sdpa",
                freeze="none", inference="max_length")
OURS_FP32 = Recipe("ours_fp32", "ours with --precision fp32", precision="fp32")
DEFAULT = Recipe("ours_default", "ours, default (precision and attention: auto)")

HEADLINE = (COMMON, OURS_FP32, DEFAULT)
LEVERS = (
    COMMON,
    Recipe("frozen_embeddings", "+ word embeddings frozen (padded to max_length, fp32, random batches, plain Trainer)",
           trainer="plain", padding="max_length", sampling="random", precision="fp32", attention="sdpa",
           inference="max_length"),
    Recipe("dynamic_padding", "+ dynamic padding (fp32, random batches, plain Trainer; inference padded per batch)",
           trainer="plain", sampling="random", precision="fp32", attention="sdpa", inference="dynamic"),
    Recipe("grouped_fp32_sdpa", "+ length-grouped batches and length-sorted inference (fp32, sdpa)",
           precision="fp32", attention="sdpa"),
    Recipe("grouped_auto_sdpa", "+ precision auto (bf16 autocast where the CPU has bf16 units; sdpa)", attention="sdpa"),
    Recipe("ours_default", "+ attention auto (eager on a CPU) = ours, default"),
    Recipe("compiled", "ours, default, + torch.compile (compile time excluded; see warm-up)", compile=True),
    Recipe("one_thread", "ours, default, with 1 thread instead of one per core", threads=1),
)


@dataclass
class Settings:
    """What every participant process needs to know; plain values, so it crosses process boundaries."""

    start: str  # folder with the starting model (probe-initialised head) and its tokenizer
    device: str  # "cpu" or "cuda"
    steps: int
    warmup_steps: int
    repeats: int
    batch_size: int
    max_length: int
    learning_rate: float
    seed: int
    max_train: int | None = None  # dry run: a stratified subset
    max_eval: int | None = None
    threads: int | None = None  # torch threads in every participant (a recipe's own `threads` wins); None: torch's default
    model_kind: str = "custom"  # helpers.models.ResolvedModel.kind of the start model ("multilingual", "minilm", ...)


# --- taking turns --------------------------------------------------------------------------------


class Sync:
    """Turn-passing primitives shared by the participant processes (made in the parent)."""

    def __init__(self, context, parties: int):
        self.semaphores = [context.Semaphore(0) for _ in range(parties)]
        self.done = context.Array("b", parties, lock=False)
        self.barrier = context.Barrier(parties)


class Turns:
    """One participant's side of the round: it computes only while it holds the turn, and times only that.

    A turn starts at a forward call (a forward pre-hook) and lasts until the next forward call of the
    same participant, so it covers one training step (forward, backward, optimiser, fetching the next
    batch) or one inference batch. `finish` ends the participant's phase.
    """

    def __init__(self, index: int, sync: Sync, cuda: bool):
        self.index, self.sync, self.cuda = index, sync, cuda
        self.active = self.holding = False
        self.turns: list[tuple[float, int, int, int]] = []  # seconds, texts, real tokens, padded tokens
        self._started = 0.0
        self._batch = (0, 0, 0)

    def begin(self) -> None:
        """Wait until every participant is ready, then start a new round with participant 0."""
        self.sync.barrier.wait(timeout=TURN_TIMEOUT_S)
        if self.index == 0:
            for j in range(len(self.sync.semaphores)):
                self.sync.done[j] = 0
            self.sync.semaphores[0].release()
        self.turns, self.active = [], True

    def hook(self, module, args, kwargs):
        if not self.active:
            return None
        if self.holding:
            self._end_turn()
            self._pass_turn()
        if not self.sync.semaphores[self.index].acquire(timeout=TURN_TIMEOUT_S):
            raise TimeoutError(f"participant {self.index} waited {TURN_TIMEOUT_S} s for its turn: a partner process stopped")
        self.holding = True
        ids, mask = kwargs.get("input_ids"), kwargs.get("attention_mask")
        if ids is None and args:
            ids = args[0]
        real = int(mask.sum()) if mask is not None else ids.numel()
        self._batch = (int(ids.shape[0]), real, int(ids.numel()))
        self._started = time.perf_counter()
        return None

    def finish(self) -> None:
        """End this participant's phase; wait until every participant has ended it."""
        held = self.holding
        if held:
            self._end_turn()
        self.sync.done[self.index] = 1
        if held:
            self._pass_turn()
        self.active = False
        self.sync.barrier.wait(timeout=TURN_TIMEOUT_S)

    def _end_turn(self) -> None:
        if self.cuda:
            import torch

            torch.cuda.synchronize()
        self.turns.append((time.perf_counter() - self._started, *self._batch))
        self.holding = False

    def _pass_turn(self) -> None:
        n = len(self.sync.semaphores)
        for k in range(1, n + 1):
            j = (self.index + k) % n
            if not self.sync.done[j]:
                self.sync.semaphores[j].release()
                return

    def totals(self) -> dict:
        seconds = sum(t[0] for t in self.turns)
        texts, real, padded = (sum(t[i] for t in self.turns) for i in (1, 2, 3))
        return {"seconds": seconds, "texts": texts, "tokens": real, "padded_tokens": padded, "turns": len(self.turns),
                "texts_per_s": texts / seconds if seconds else float("nan"),
                "tokens_per_s": real / seconds if seconds else float("nan")}


# --- one participant -----------------------------------------------------------------------------


def load_start_model(settings: Settings, recipe: Recipe):
    """The start model with the recipe's attention kernel, its word embeddings frozen where the recipe says so."""
    from transformers import AutoModelForSequenceClassification

    from helpers.device import attention_implementation
    from helpers.models import freeze_word_embeddings
    from helpers.profiles import PROFILES

    attention = attention_implementation() if recipe.attention == "auto" else recipe.attention
    model = AutoModelForSequenceClassification.from_pretrained(settings.start, attn_implementation=attention)
    if recipe.freeze == "auto" and PROFILES["cpu"].freezes_word_embeddings(settings.model_kind):
        freeze_word_embeddings(model)
    return model


def load_splits(max_train: int | None = None, max_eval: int | None = None):
    from helpers.data import load_embedded

    splits = load_embedded()
    if max_train is not None:
        splits = splits.shrink(max_train, max_eval, seed=0)
    return splits


def device_for(recipe: Recipe, settings: Settings):
    from helpers.device import detect_device, with_precision

    return with_precision(detect_device(settings.device), recipe.precision)


def build_trainer(recipe: Recipe, settings: Settings, model, tokenizer, tokenized, folder: str, steps: int):
    """The recipe's Trainer, set to stop after `steps` optimiser steps."""
    from transformers import DataCollatorWithPadding, Trainer, TrainingArguments, default_data_collator

    from helpers.device import precision_arguments
    from helpers.training import make_trainer

    device = device_for(recipe, settings)
    batch_size = recipe.batch_size or settings.batch_size
    if recipe.compile:
        import torch

        # compile the forward (with its backward), not the module: the Trainer still sees the model's class and
        # signature, and the turn-taking hook on the module stays outside the compiled code
        model.forward = torch.compile(model.forward, dynamic=True)
    if recipe.trainer == "ours":
        return make_trainer(model, tokenizer, tokenized, folder, epochs=1, batch_size=batch_size,
                            learning_rate=settings.learning_rate, warmup_ratio=0.1, seed=settings.seed, device=device,
                            max_steps=steps, save_checkpoints=False)
    collator = default_data_collator if recipe.padding == "max_length" else DataCollatorWithPadding(tokenizer)
    args = TrainingArguments(
        output_dir=folder, max_steps=steps, per_device_train_batch_size=batch_size,
        learning_rate=settings.learning_rate, warmup_steps=0.1, weight_decay=0.01, lr_scheduler_type="linear",
        train_sampling_strategy=recipe.sampling, eval_strategy="no", save_strategy="no", report_to="none",
        logging_strategy="steps", logging_steps=max(1, steps // 4), disable_tqdm=True, seed=settings.seed,
        data_seed=settings.seed, average_tokens_across_devices=False, **precision_arguments(device),
    )
    return Trainer(model=model, args=args, train_dataset=tokenized["train"], data_collator=collator)


def tokenized_for(recipe: Recipe, datasets, tokenizer, max_length: int):
    from helpers.training import tokenize

    if recipe.trainer == "ours" or recipe.padding == "dynamic":
        return tokenize(datasets, tokenizer, max_length=max_length)
    return datasets.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length, padding="max_length"),
                        batched=True, remove_columns=["text"], desc="Tokenising (padded)")


def predict(recipe: Recipe, model, tokenizer, texts: list[str], max_length: int, batch_size: int):
    """Logits in the order of `texts`, the recipe's way."""
    import numpy as np
    import torch

    from helpers.inference import predict_logits

    if recipe.inference == "sorted":
        return predict_logits(model, tokenizer, texts, max_length=max_length, batch_size=batch_size)
    padding = "max_length" if recipe.inference == "max_length" else "longest"
    device = next(model.parameters()).device
    rows = []
    model.eval()
    with torch.no_grad():
        for start in range(0, len(texts), batch_size):
            batch = tokenizer(texts[start : start + batch_size], padding=padding, truncation=True,
                              max_length=max_length, return_tensors="pt")
            rows.append(model(**{k: v.to(device) for k, v in batch.items()}).logits.float().cpu().numpy())
    return np.concatenate(rows)


def participant(index: int, recipe: Recipe, settings: Settings, sync: Sync, results) -> None:
    """Train and predict with one recipe, taking turns with the others; put the figures on `results`."""
    try:
        _participant(index, recipe, settings, sync, results)
    except BaseException as error:  # reported to the parent, which stops the others
        sync.barrier.abort()
        results.put(("error", index, f"{recipe.name}: {type(error).__name__}: {error}\n{traceback.format_exc()}"))


def _participant(index: int, recipe: Recipe, settings: Settings, sync: Sync, results) -> None:
    import logging

    import torch
    from transformers import AutoTokenizer, TrainerCallback
    from transformers.utils import logging as hf_logging

    from helpers.metrics import multilabel_metrics, sigmoid

    from helpers.reporting import get_logger

    hf_logging.set_verbosity_error()
    get_logger("bench")  # sets the package's logger up, so that the next line is not undone later
    logging.getLogger("helpers").setLevel(logging.WARNING)
    if recipe.threads or settings.threads:
        torch.set_num_threads(recipe.threads or settings.threads)
    splits = load_splits(settings.max_train, settings.max_eval)
    tokenizer = AutoTokenizer.from_pretrained(settings.start)
    tokenized = tokenized_for(recipe, splits.to_datasets(), tokenizer, settings.max_length)
    texts = splits.validation.texts + splits.test.texts
    n_validation = len(splits.validation.texts)
    turns = Turns(index, sync, cuda=settings.device == "cuda")

    class EndOfSteps(TrainerCallback):
        def __init__(self, steps: int):
            self.steps = steps

        def on_step_end(self, args, state, control, **kwargs):
            if state.global_step >= self.steps and turns.active:
                turns.finish()

    phases = [("warm-up", settings.warmup_steps)] if settings.warmup_steps > 0 else []
    phases += [(f"run {r + 1}", settings.steps) for r in range(settings.repeats)]
    for phase, steps in phases:
        # the previous phase's model, trainer and optimiser state go first, so the peak below is this phase's
        # alone (accelerate's autocast wrapper holds a reference cycle that only a full collection frees)
        trainer = trained = model = None
        gc.collect()
        if settings.device == "cuda":
            torch.cuda.empty_cache()
        model = load_start_model(settings, recipe)
        load = _loadavg()
        if settings.device == "cuda":
            torch.cuda.reset_peak_memory_stats()
        with tempfile.TemporaryDirectory() as folder:
            trainer = build_trainer(recipe, settings, model, tokenizer, tokenized, folder, steps)
            for callback in list(trainer.callback_handler.callbacks):
                if type(callback).__name__ in ("PrinterCallback", "ProgressCallback"):
                    trainer.remove_callback(callback)
            trainer.add_callback(EndOfSteps(steps))
            hook = trainer.model.register_forward_pre_hook(turns.hook, with_kwargs=True)
            wall = time.perf_counter()
            turns.begin()
            trainer.train()
            wall = time.perf_counter() - wall
            if turns.active:  # fewer steps than asked (a tiny dataset): end the phase anyway
                turns.finish()
            training = turns.totals()
            history = trainer.state.log_history
            losses = [e["loss"] for e in history if "loss" in e]
            mean_loss = next((e["train_loss"] for e in reversed(history) if "train_loss" in e), None)
            trained = trainer.model
            turns.begin()
            logits = predict(recipe, trained, tokenizer, texts, settings.max_length,
                             2 * (recipe.batch_size or settings.batch_size))
            turns.finish()
            inference = turns.totals()
            hook.remove()
        scores = multilabel_metrics(sigmoid(logits[:n_validation]), splits.validation.labels, 0.5)
        results.put(("result", index, phase, {
            "recipe": recipe.name, "training": training, "inference": inference, "first_loss": losses[0] if losses else None,
            "mean_loss": mean_loss, "validation_micro_f1": scores["micro_f1"],
            "validation_macro_f1": scores["macro_f1"], "load_at_start": load, "phase_wall_s": wall,
            "precision": device_for(recipe, settings).precision, "threads": torch.get_num_threads(),
            "peak_memory_gib": torch.cuda.max_memory_allocated() / 2**30 if settings.device == "cuda" else None,
            "peak_memory_reserved_gib": torch.cuda.max_memory_reserved() / 2**30 if settings.device == "cuda" else None,
            "parameters": sum(p.numel() for p in model.parameters()),
            "trained_parameters": sum(p.numel() for p in model.parameters() if p.requires_grad),
            "embedding_parameters": sum(p.numel() for n, p in model.named_parameters() if "embeddings" in n),
        }))
    results.put(("done", index, recipe.name, None))


def _loadavg() -> str | None:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return None


# --- the parent ----------------------------------------------------------------------------------


class BenchmarkError(RuntimeError):
    """A participant failed; the message holds its error."""


def run_interleaved(recipes: tuple[Recipe, ...], settings: Settings, *, timeout_s: float = 3600) -> dict:
    """Run the recipes in turn-taking processes; returns {phase: {recipe: figures}}."""
    import queue as queues

    context = multiprocessing.get_context("spawn")  # no fork after torch has started its thread pools
    sync = Sync(context, len(recipes))
    results = context.Queue()
    processes = [context.Process(target=participant, args=(i, recipe, settings, sync, results), daemon=True)
                 for i, recipe in enumerate(recipes)]
    for process in processes:
        process.start()
    figures: dict[str, dict] = {}
    finished, deadline = 0, time.monotonic() + timeout_s
    try:
        while finished < len(recipes):
            try:
                kind, index, key, value = results.get(timeout=max(1.0, min(30.0, deadline - time.monotonic())))
            except queues.Empty:
                if time.monotonic() > deadline:
                    raise BenchmarkError(f"the benchmark ran past its {timeout_s:.0f} s budget") from None
                dead = [recipes[i].name for i, p in enumerate(processes) if not p.is_alive() and p.exitcode not in (0, None)]
                if dead:
                    raise BenchmarkError(
                        f"participant process(es) {dead} stopped without a report; each recipe holds its own copy of "
                        "the model and its optimiser, so several at once can run out of memory (the system log, "
                        "`dmesg`, names a killed process): run fewer at a time with --only") from None
                continue
            if kind == "error":
                raise BenchmarkError(key)
            if kind == "done":
                finished += 1
                continue
            figures.setdefault(key, {})[recipes[index].name] = value
            if kind == "result" and index == 0:
                print(f"  {key} done (load average at its start: {value['load_at_start']})", flush=True)
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
    return figures


def machine() -> dict:
    import torch
    import transformers

    from helpers.device import cpu_bf16_units, cpu_name

    return {
        "cpu": cpu_name(), "cores": os.cpu_count(), "cpu_bf16_units": cpu_bf16_units(),
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "python": platform.python_version(), "torch": torch.__version__, "transformers": transformers.__version__,
        "platform": platform.platform(),
    }


def prepare_start(model_request: str, folder: Path, *, max_length: int, dry_run: bool) -> tuple[str, dict]:
    """The common starting point: the model with the head our recipe starts from (a linear probe for the offline models)."""
    from helpers.models import resolve_model
    from helpers.profiles import PROFILES
    from helpers.recipe import build_model

    profile = PROFILES["smoke" if dry_run else "cpu"].with_overrides(model=model_request, max_length=max_length)
    splits = load_splits(*(_dry_sizes() if dry_run else (None, None)))
    started = time.perf_counter()
    kind = resolve_model(model_request, verbose=False).kind
    model, tokenizer = build_model(profile, splits)
    seconds = time.perf_counter() - started
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return str(folder), {"profile": profile.name, "model_kind": kind, "build_model_s": seconds,
                         "train_texts": len(splits.train.texts),
                         "validation_texts": len(splits.validation.texts), "test_texts": len(splits.test.texts)}


def _dry_sizes() -> tuple[int, int]:
    return 64, 32


def ratio_table(figures: dict, recipes: tuple[Recipe, ...], phases: list[str]) -> list[dict]:
    """One row per phase and recipe: texts/s, ratio to the common recipe, F1, loss."""
    rows = []
    for phase in phases:
        base = figures[phase][recipes[0].name]
        for recipe in recipes:
            f = figures[phase][recipe.name]
            rows.append({
                "phase": phase, "recipe": recipe.name, "label": recipe.label, "precision": f["precision"],
                "train_texts_per_s": f["training"]["texts_per_s"], "infer_texts_per_s": f["inference"]["texts_per_s"],
                "train_ratio": f["training"]["texts_per_s"] / base["training"]["texts_per_s"],
                "infer_ratio": f["inference"]["texts_per_s"] / base["inference"]["texts_per_s"],
                "validation_micro_f1": f["validation_micro_f1"], "mean_loss": f["mean_loss"],
                "load_at_start": base["load_at_start"],
            })
    return rows


def print_rows(rows: list[dict]) -> None:
    print(f"\n{'phase':<8}{'recipe':<17}{'prec.':<6}{'train/s':>9}{'ratio':>7}{'infer/s':>9}{'ratio':>7}"
          f"{'val F1':>8}{'loss':>8}  load at start")
    for row in rows:
        print(f"{row['phase']:<8}{row['recipe']:<17}{row['precision']:<6}{row['train_texts_per_s']:>9.1f}"
              f"{row['train_ratio']:>6.2f}x{row['infer_texts_per_s']:>9.1f}{row['infer_ratio']:>6.2f}x"
              f"{row['validation_micro_f1']:>8.3f}{row['mean_loss'] or float('nan'):>8.4f}  {row['load_at_start']}")


def summary(rows: list[dict], recipes: tuple[Recipe, ...], phases: list[str]) -> dict:
    """Per recipe: the ratios of every timed run, and F1 against ours in fp32."""
    out = {}
    for recipe in recipes:
        mine = [r for r in rows if r["recipe"] == recipe.name and r["phase"] in phases]
        out[recipe.name] = {
            "label": recipe.label,
            "train_ratios": [round(r["train_ratio"], 3) for r in mine],
            "infer_ratios": [round(r["infer_ratio"], 3) for r in mine],
            "validation_micro_f1": [round(r["validation_micro_f1"], 4) for r in mine],
        }
    if "ours_fp32" in out:
        reference = out["ours_fp32"]["validation_micro_f1"]
        for name, entry in out.items():
            entry["f1_points_vs_fp32"] = [round(100 * (a - b), 2) for a, b in zip(entry["validation_micro_f1"], reference)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="multilingual",
                        help="model request for helpers.models.resolve_model (default: multilingual, the cpu profile's)")
    parser.add_argument("--steps", type=int, default=20, help="timed training steps per recipe and run (default: 20)")
    parser.add_argument("--warmup-steps", type=int, default=3, help="untimed training steps first (default: 3)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs (default: 3)")
    parser.add_argument("--batch-size", type=int, default=32, help="training batch; inference uses twice this (default: 32)")
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--learning-rate", type=float, default=1e-4, help="as the cpu profile (default: 1e-4)")
    parser.add_argument("--threads", type=int, help="torch threads in every recipe's process (default: torch's, one per core)")
    parser.add_argument("--levers", action="store_true", help="measure each lever on its own row instead of the headline table")
    parser.add_argument("--only", help="comma-separated recipe names to run (the first is the reference for ratios)")
    parser.add_argument("--whole-training", action="store_true",
                        help="one timed run of the cpu profile's whole schedule (its epochs over every training text), "
                        "so each recipe's validation micro-F1 is the one after a complete training")
    parser.add_argument("--dry-run", action="store_true", help="tiny model, 64 texts, 2 steps, 1 run: checks the script")
    parser.add_argument("--timeout", type=float, default=3600, help="give up after this many seconds (default: 3600)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    recipes = LEVERS if args.levers else HEADLINE
    if args.dry_run:
        args.model, args.steps, args.warmup_steps, args.repeats = "tiny", 2, 1, 1
        args.threads = args.threads or 1  # tiny matrices: one thread is many times faster on a shared CPU
        recipes = (COMMON, DEFAULT) if not args.levers else recipes
    if args.only:
        known = {r.name: r for r in LEVERS + HEADLINE}
        unknown = [name for name in args.only.split(",") if name not in known]
        if unknown:
            parser.error(f"unknown recipe(s) {unknown}; known: {sorted(known)}")
        recipes = tuple(known[name] for name in args.only.split(","))

    from helpers.device import detect_device

    device = detect_device()
    print(device.summary())
    info = machine()
    print(f"Machine: {info['cpu']}, {info['cores']} cores; torch {info['torch']}, transformers {info['transformers']}; "
          f"load average {_loadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        start, prepared = prepare_start(args.model, Path(folder), max_length=args.max_length, dry_run=args.dry_run)
        print(f"Start: {args.model} with the head our recipe starts from ({prepared['build_model_s']:.0f} s); "
              f"{prepared['train_texts']} training texts, inference on {prepared['validation_texts']} validation + "
              f"{prepared['test_texts']} test texts.")
        if args.whole_training and not args.dry_run:
            from helpers.profiles import PROFILES

            cpu = PROFILES["cpu"]
            args.steps = int(cpu.epochs * -(-prepared["train_texts"] // args.batch_size))
            args.warmup_steps, args.repeats = 0, 1
        settings = Settings(start, device.device, args.steps, args.warmup_steps, args.repeats, args.batch_size,
                            args.max_length, args.learning_rate, 42, *(_dry_sizes() if args.dry_run else (None, None)),
                            threads=args.threads, model_kind=prepared["model_kind"])
        print(f"Recipes, taking turns step by step: {', '.join(r.name for r in recipes)}; {args.warmup_steps} warm-up "
              f"steps, then {args.repeats} x {args.steps} timed steps of {args.batch_size} texts each.", flush=True)
        started = time.perf_counter()
        try:
            figures = run_interleaved(recipes, settings, timeout_s=args.timeout)
        except BenchmarkError as error:
            print(f"Benchmark failed: {error}", file=sys.stderr)
            return 1
    phases = [f"run {r + 1}" for r in range(args.repeats)]
    rows = ratio_table(figures, recipes, phases)
    print_rows(rows)
    result = summary(rows, recipes, phases)
    if "warm-up" in figures:
        warmup = {name: f["phase_wall_s"] for name, f in figures["warm-up"].items()}
        print(f"\nWarm-up phase ({args.warmup_steps} steps, wall seconds incl. waiting for turns): "
              + ", ".join(f"{k} {v:.0f} s" for k, v in warmup.items()))
    for name, entry in result.items():
        extra = f"; F1 vs ours fp32 (points): {entry['f1_points_vs_fp32']}" if "f1_points_vs_fp32" in entry else ""
        print(f"{name:<17} training {entry['train_ratios']}, inference {entry['infer_ratios']}{extra}")
    print(f"Whole benchmark: {time.perf_counter() - started:.0f} s; load average now {_loadavg()}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "command": " ".join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])]),
            "machine": info, "device": device.summary(), "settings": asdict(settings) | {"start": args.model},
            "recipes": [asdict(r) for r in recipes], "start": prepared, "rows": rows, "summary": result,
            "figures": figures,
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
