"""Command line: `python -m helpers train|evaluate|predict`.

Argument parsing only: the work is done by the modules the notebooks use (`recipe`, `inference`,
`data`). Runs unchanged under `torchrun --nproc_per_node N` and `accelerate launch` (the Trainer
handles DDP; files are written by the main process alone). Every error is one line on stderr and
exit code 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers.data import BUILT_IN, Splits
from helpers.device import PRECISIONS
from helpers.errors import RunError, SettingsError, TutorialError
from helpers.profiles import COMMAND_LINE_SETTINGS, setting_type
from helpers.reporting import command_line_messages, get_logger, note, tell_error

log = get_logger(__name__)


def user_path(value: str) -> Path:
    """A path from the command line, with ~ expanded as a shell would (also in --output=~/x, which shells leave alone)."""
    return Path(value).expanduser()


def _add_data_arguments(parser: argparse.ArgumentParser, *, for_training: bool) -> None:
    group = parser.add_argument_group("data")
    group.add_argument(
        "--data", default="embedded",
        help="'embedded' (the German reviews), 'germeval' (GermEval 2017, needs the Hub or --germeval-dir), "
        "or a CSV/TSV/JSONL file"
        + (" (split 70/15/15 by iterative stratification unless --validation/--test are given)" if for_training else ""),
    )
    if for_training:
        group.add_argument("--validation", type=user_path, help="validation file, with --test, for your own data")
        group.add_argument("--test", type=user_path, help="test file, with --validation, for your own data")
    _add_reading_arguments(group)
    if for_training:
        group.add_argument("--primary-column", help="column with one label per text, for --multiclass on your own data")
        group.add_argument("--min-label-count", type=int, default=None,
                           help="drop (or with --rare-labels merge, combine into one label 'other') every label with "
                           "fewer training texts than this or none in validation or test, and print each label's "
                           "counts per split (default: such labels are refused, all named at once)")
        group.add_argument("--rare-labels", choices=("drop", "merge"), default="drop",
                           help="what --min-label-count does with a rare label (default: drop)")
    group.add_argument("--split-seed", type=int, default=None,
                       help="seed of the 70/15/15 split of one file (train: default 0, recorded in the model folder; "
                       "evaluate: default the model folder's)")
    group.add_argument("--germeval-dir", type=user_path, help="folder with the four GermEval 2017 TSV files (no download)")
    group.add_argument("--top-k", type=int, default=8, help="GermEval: keep the K most frequent categories (default: 8)")


def _add_reading_arguments(group) -> None:
    """How a labelled file is read: its columns, delimiters, encoding, empty label sets and label variants."""
    group.add_argument("--text-column", default="text", help="column holding the review text (default: text)")
    group.add_argument("--label-column", default="labels", help="column holding the labels (default: labels)")
    group.add_argument("--label-delimiter", default="|",
                       help="separator between labels in one cell (default: |); lists written as text, "
                       "e.g. \"['Preis', 'Lieferung']\", are read as lists whatever it is")
    group.add_argument("--delimiter", help="column separator of a CSV/TSV file (default: detected, e.g. ';' from a "
                       "German spreadsheet, with a note)")
    group.add_argument("--encoding", help="text encoding of the file (default: detected; UTF-8, or cp1252 with a note)")
    group.add_argument("--allow-empty-labels", action="store_true",
                       help="keep rows without any label (refused by default; in training it implies --no-at-least-one)")
    group.add_argument("--label-variants", choices=("merge", "keep", "error"), default="merge",
                       help="labels that differ only in case, spacing or trailing punctuation: merge into the most "
                       "frequent spelling with a note (default), keep apart, or refuse")


def load_data(args: argparse.Namespace, *, split_seed: int = 0, label_order: list[str] | None = None,
              max_train: int | None = None, max_eval: int | None = None) -> Splits:
    """The Splits the data arguments describe, through `helpers.data.load` (the one door for every source): one
    file split with `split_seed`, rare labels handled where asked, the subset cut, `check_trainable` passed."""
    from helpers.data import load

    minimum, mode = getattr(args, "min_label_count", None), getattr(args, "rare_labels", "drop")
    if minimum is not None and minimum < 1:
        raise SettingsError(f"--min-label-count must be at least 1, got {minimum}; e.g. --min-label-count 10.")
    table = {} if args.data in BUILT_IN else dict(
        text_column=args.text_column, label_column=args.label_column, label_delimiter=args.label_delimiter,
        primary_column=getattr(args, "primary_column", None), label_order=label_order, **_reading_options(args))
    return load(args.data, getattr(args, "validation", None), getattr(args, "test", None), max_train=max_train,
                max_eval=max_eval, split_seed=split_seed, min_label_count=minimum, rare_labels=mode,
                top_k=getattr(args, "top_k", 8), germeval_dir=getattr(args, "germeval_dir", None), **table)


def _reading_options(args: argparse.Namespace) -> dict:
    return {"delimiter": args.delimiter, "encoding": args.encoding, "allow_empty_labels": args.allow_empty_labels,
            "label_variants": args.label_variants}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Train, evaluate and use multi-label (or multiclass) text classifiers.",
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser(
        "train", help="fine-tune, tune thresholds on validation, save the model folder and metrics.json",
        description="Fine-tune a model; thresholds are tuned on validation and reported on test. Writes "
        "OUTPUT/model (the model folder), OUTPUT/metrics.json, OUTPUT/log_history.json and OUTPUT/checkpoints.",
    )
    _add_data_arguments(train, for_training=True)
    settings = train.add_argument_group("model and training (defaults come from --profile)")
    settings.add_argument("--profile", default=None, help="smoke, cpu or gpu (default: TUTORIAL_PROFILE, else by hardware)")
    for name, help_text in COMMAND_LINE_SETTINGS.items():  # one flag per profile setting, typed as the setting
        settings.add_argument("--" + name.replace("_", "-"), type=setting_type(name), help=help_text)
    settings.add_argument("--pos-weight", action="store_true", help="weight each label's positives by negatives/positives")
    settings.add_argument("--multiclass", action="store_true", help="one label per text (CrossEntropyLoss) instead of multi-label")
    settings.add_argument("--precision", choices=PRECISIONS, default="auto",
                          help="auto: bf16 on GPUs of compute capability 8.0+, fp16 on older GPUs, fp32 on a CPU; "
                          "bf16 on a CPU is faster only where it has AMX or AVX512-BF16 units")
    decision = train.add_argument_group("the decision rule saved with the model")
    decision.add_argument("--strategy", choices=("per_label", "global", "fixed"), default="per_label",
                          help="thresholds the saved model uses (default: per_label, tuned on validation)")
    decision.add_argument("--at-least-one", action=argparse.BooleanOptionalAction, default=None,
                          help="give a text with no label above its threshold its most probable label (default: on, "
                          "off with --allow-empty-labels)")
    runs = train.add_argument_group("the run folder")
    runs.add_argument("--output", type=user_path, default=Path("runs/cli"), help="run folder (default: runs/cli)")
    runs.add_argument("--resume", action="store_true",
                      help="continue an unfinished run in --output from its last complete checkpoint (same data and settings)")
    runs.add_argument("--overwrite", action="store_true", help="replace a model or checkpoints already in --output")

    evaluate = commands.add_parser(
        "evaluate", help="score a saved model folder on labelled data, with the folder's own decision rule",
        description="A file is scored whole unless --split names a part of it; then it is split as at training "
        "(the folder's split seed). The built-in data sets are scored on their test split by default.",
    )
    evaluate.add_argument("model_dir", type=user_path, help="a model folder (OUTPUT/model of `train`)")
    _add_data_arguments(evaluate, for_training=False)
    evaluate.add_argument("--split", choices=("train", "validation", "test"), default=None,
                          help="score this part of the data (default: test for embedded/germeval, the whole file otherwise)")

    audit = commands.add_parser(
        "audit", help="rank the texts of a labelled file whose labels look wrong or missing (out-of-fold)",
        description="Score every text with a model that did not see it (TF-IDF words + character n-grams and one "
        "logistic regression per label, 5 folds by iterative stratification: seconds to minutes on a laptop, no "
        "GPU) and rank the texts whose given labels disagree most with it. Writes a CSV; the data are not changed.",
    )
    audit.add_argument("--data", required=True, help="a labelled CSV/TSV/JSONL file")
    _add_reading_arguments(audit)
    audit.add_argument("--folds", type=int, default=5, help="cross-validation folds (default: 5)")
    audit.add_argument("--top", type=int, default=20, help="rows to print (default: 20); the CSV holds every text")
    audit.add_argument("--output", type=user_path, default=Path("audit.csv"), help="CSV to write (default: audit.csv)")
    audit.add_argument("--overwrite", action="store_true", help="replace an existing --output file")

    predict = commands.add_parser("predict", help="label the texts of a file with a saved model folder")
    predict.add_argument("model_dir", type=user_path, help="a model folder (OUTPUT/model of `train`)")
    predict.add_argument("input", type=user_path, help="a .txt file (one text per line) or a CSV/TSV/JSONL file")
    predict.add_argument("--text-column", default="text", help="text column for CSV/TSV/JSONL input")
    predict.add_argument("--id-column", help="a column (or JSONL key) to copy into each result (default: 'id' if present)")
    predict.add_argument("--delimiter", help="column separator of a CSV/TSV input (default: detected)")
    predict.add_argument("--encoding", help="text encoding of the input (default: detected)")
    predict.add_argument("--output", type=user_path, help="write JSONL here, one result per input text (default: print)")
    predict.add_argument("--overwrite", action="store_true", help="replace an existing --output file")
    predict.add_argument("--batch-size", type=int, default=256, help="texts read, predicted and written at a time")
    return parser


def _profile(args: argparse.Namespace):
    from helpers.profiles import choose_profile

    profile = choose_profile(args.profile, verbose=False).with_overrides(
        dataset=args.data if args.data in BUILT_IN else Path(args.data).name,
        split_seed=args.split_seed, **{name: getattr(args, name) for name in COMMAND_LINE_SETTINGS},
    )
    log.info(profile.describe())  # the settings actually used, after the command line's overrides
    return profile


def command_train(args: argparse.Namespace) -> dict | None:
    from helpers.device import detect_device, with_precision
    from helpers.recipe import fine_tune
    from helpers.training import MULTI_LABEL, MULTICLASS

    device = with_precision(detect_device(), args.precision)  # first: a precision the device lacks fails at once
    log.info(device.summary())
    profile = _profile(args)
    at_least_one = not args.allow_empty_labels if args.at_least_one is None else args.at_least_one
    if args.allow_empty_labels and at_least_one:
        note("--at-least-one with --allow-empty-labels: the model will never answer 'no label', "
             "although some training texts have none.")
    splits = load_data(args, split_seed=profile.split_seed, max_train=profile.max_train, max_eval=profile.max_eval)
    run = fine_tune(
        profile, splits, args.output, problem=MULTICLASS if args.multiclass else MULTI_LABEL,
        use_pos_weight=args.pos_weight, strategy=args.strategy, at_least_one=at_least_one,
        resume=args.resume, overwrite=args.overwrite, device=device,
    )
    if run is None:  # a secondary process under torchrun: the main process reports
        return None
    log.info(f"Model folder: {run.folder.path}\nMetrics: {args.output / 'metrics.json'}")
    log.info(_summary(run.metrics))
    return run.metrics


def _summary(metrics: dict) -> str:
    lines = []
    for name in ("validation", "test"):
        for setting, values in metrics[name].items():
            key = "micro_f1" if "micro_f1" in values else "macro_f1"
            lines.append(f"  {name:<10} {setting:<16} {key} = {values[key]:.3f}")
    return "\n".join(lines)


def command_evaluate(args: argparse.Namespace) -> dict:
    from helpers.calibration import calibration_report
    from helpers.data import DataError, load_file
    from helpers.inference import Predictor, as_saved_metrics
    from helpers.metrics import multilabel_metrics
    from helpers.reporting import json_safe

    predictor = Predictor(args.model_dir)
    folder = predictor.folder
    if args.data not in BUILT_IN and args.split is None:
        split = load_file(args.data, label_names=folder.label_names, text_column=args.text_column,
                          label_column=args.label_column, label_delimiter=args.label_delimiter,
                          rare_actions=(folder.provenance.get("rare_labels") or {}).get("actions"),
                          **_reading_options(args))
        scored = f"the whole of {args.data}"
    else:
        name = args.split or "test"
        seed = args.split_seed
        if args.data not in BUILT_IN and seed is None:
            seed = folder.provenance.get("split_seed")
            if seed is None:
                raise DataError(
                    f"{folder.path} was trained on separate train/validation/test files, so there is no split seed to "
                    f"cut {args.data} the same way. Evaluate a held-out file whole (leave out --split), or give --split-seed."
                )
        rare = folder.provenance.get("rare_labels")
        if rare:  # the labels were dropped or merged at training: the same again, so the splits match
            args.min_label_count, args.rare_labels = rare["min_count"], rare["mode"]
        splits = load_data(args, split_seed=seed if seed is not None else 0,
                           label_order=None if rare else folder.label_names)
        subset = folder.provenance.get("subset")
        if subset:  # the run trained on a stratified subset (--max-train): cut the data the same way first
            splits = splits.shrink(subset["max_train"], subset["max_eval"], seed=subset["seed"])
            log.info(f"The model was trained on a subset (max_train={subset['max_train']}, max_eval="
                     f"{subset['max_eval']}): the data are cut the same way before the {args.split or 'test'} split is scored.")
        if splits.label_names != folder.label_names:
            raise DataError(f"The model knows labels {folder.label_names}, the data has {splits.label_names}.")
        if splits.fingerprint() != folder.provenance.get("data_sha256"):
            note(
                f"these data are not the data {folder.path} was trained on (their fingerprints differ), so "
                f"this {name} split is not the training run's {name} split."
            )
        split = splits[name]
        scored = f"the {name} split of {args.data}" + (f" (split seed {seed})" if args.data not in BUILT_IN else "")
    absent = [name for name, count in zip(folder.label_names, split.labels.sum(axis=0)) if count == 0]
    if absent:
        note(f"{len(absent)} of the model's labels have no text in {scored}: {absent}. Macro-F1 counts each of them "
             "as F1 = 0 when the model predicts it anywhere; 'macro_f1_labels_present' leaves them out.")
    scores = predictor.predict_proba(split.texts)  # one pass: every figure below reads these scores
    metrics = {"data": str(args.data), "scored": scored, "texts": len(split),
               "as_saved": as_saved_metrics(folder, scores, split.labels)}
    if absent:
        from sklearn.metrics import f1_score

        present = [j for j, name in enumerate(folder.label_names) if name not in absent]
        metrics["labels_without_texts"] = absent
        metrics["as_saved"]["macro_f1_labels_present"] = float(f1_score(
            split.labels[:, present], folder.decide(scores)[:, present], average="macro", zero_division=0))
    if folder.multi_label:
        metrics["threshold_0.5"] = multilabel_metrics(scores, split.labels, 0.5)
        metrics["calibration"] = calibration_report(scores, split.labels, folder.label_names)
    log.info(f"Scored {len(split)} texts: {scored}, with the folder's rule ({folder.describe()}).")
    print(json.dumps(json_safe(metrics), indent=2))
    return metrics


def command_predict(args: argparse.Namespace) -> int:
    """Stream the input: results are written as they are computed, one per input text, with its line number."""
    from tqdm.auto import tqdm

    from helpers.inference import Predictor
    from helpers.texts import stream_texts

    if args.batch_size < 1:
        raise SettingsError(f"--batch-size must be at least 1, got {args.batch_size}; e.g. --batch-size 256.")
    if args.output:
        _check_output_file(args.output, overwrite=args.overwrite)
    texts = stream_texts(args.input, text_column=args.text_column, id_column=args.id_column,
                         delimiter=args.delimiter, encoding=args.encoding)  # checks the whole file first
    predictor = Predictor(args.model_dir)
    # written under another name and renamed at the end: a run that fails leaves no half file that blocks a retry
    partial = args.output.with_name(f".{args.output.name}.partial") if args.output else None
    handle = partial.open("w", encoding="utf-8") if partial else sys.stdout
    written, finished = 0, False
    try:
        with tqdm(total=len(texts), desc="Predicting", unit="text", disable=None, file=sys.stderr) as progress:
            for chunk in _chunks(texts, args.batch_size):
                readable = [record for record in chunk if not record.skipped]
                results = iter(predictor.predict([record.text for record in readable])) if readable else iter(())
                for record in chunk:
                    row = {"line": record.line, "row": record.row}
                    if record.id is not None:
                        row["id"] = record.id
                    if record.skipped:
                        row.update(text=record.text, skipped=record.skipped, labels=None, scores=None)
                    else:
                        prediction = next(results)
                        row.update(text=prediction.text, labels=prediction.labels,
                                   scores={k: round(v, 6) for k, v in prediction.scores.items()})
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                    written += 1
                handle.flush()
                progress.update(len(chunk))
        finished = True
    finally:
        if partial:
            handle.close()
            if finished:
                partial.replace(args.output)
            else:
                partial.unlink(missing_ok=True)
    skipped = f", {texts.skipped} of them skipped (marked 'skipped')" if texts.skipped else ""
    log.info(f"Wrote {written} results{skipped}" + (f" to {args.output}" if args.output else ""))
    return written


def command_audit(args: argparse.Namespace):
    """Out-of-fold label audit of a file; writes every text, most suspicious first, to --output."""
    from helpers.audit import audit_labels
    from helpers.data import read_labelled_file

    if args.folds < 2:
        raise SettingsError(f"--folds must be at least 2, got {args.folds}; e.g. --folds 5.")
    _check_output_file(args.output, overwrite=args.overwrite)
    split, names = read_labelled_file(
        args.data, text_column=args.text_column, label_column=args.label_column,
        label_delimiter=args.label_delimiter, **_reading_options(args),
    )
    table = audit_labels(split.texts, split.labels, names, folds=args.folds)
    partial = args.output.with_name(f".{args.output.name}.partial")
    table.to_csv(partial, index=False)
    partial.replace(args.output)
    shown = table.head(args.top)[["rank", "row", "suspect_label", "looks", "probability", "given_labels", "text"]]
    log.info(shown.to_string(index=False, max_colwidth=70))
    log.info(f"Wrote {len(table)} rows, the most suspicious first, to {args.output} ('row': the text's data row in "
             f"{args.data}, the first being 0; 'looks': missing = not given but predicted, wrong = given but not predicted).")
    return table


def _chunks(records, size: int):
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check_output_file(path: Path, *, overwrite: bool) -> None:
    """Before any work: the output file can be written, and is not replaced unless asked."""
    if path.is_dir():
        raise RunError(f"--output {path} is a folder; give a file name, e.g. {path / 'predictions.jsonl'}.")
    if path.exists() and not overwrite:
        raise RunError(f"--output {path} exists already; it is never replaced silently. Pass --overwrite, "
                       "or choose another file.")
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
        if not existed:  # only a check: a command that fails later must not leave an empty file that blocks a retry
            path.unlink()
    except OSError as error:
        raise RunError(f"Cannot write --output {path} ({error.strerror or error}); choose another path.") from error


# Errors whose message already says what went wrong and what to do: the package's own, and the operating
# system's for a file that is missing, exists already or cannot be written (their message names the path).
EXPLAINED = (TutorialError, FileNotFoundError, FileExistsError, PermissionError)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"train": command_train, "evaluate": command_evaluate, "predict": command_predict,
                "audit": command_audit}
    try:
        with command_line_messages():  # stdout carries results; messages and warnings go to stderr
            handlers[args.command](args)
    except KeyboardInterrupt:
        log.warning("Interrupted. A training run continues from its last checkpoint with --resume.")
        return 130
    except Exception as error:  # every failure is one line for the user; --debug shows the traceback
        if args.debug:
            raise
        message = str(error).strip() or type(error).__name__
        if not isinstance(error, EXPLAINED):  # its message says what went wrong, where and what to do
            message = f"unexpected {type(error).__name__}: {message} (rerun with --debug to see where it happened)"
        tell_error(message)
        return 2
    return 0
