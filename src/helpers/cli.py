"""Command line: `python -m helpers train|evaluate|predict`.

Argument parsing only: the work is done by the modules the notebooks use. Runs unchanged under
`torchrun --nproc_per_node N` and `accelerate launch` (the Trainer handles DDP; files are written
by the main process alone).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from helpers.data import DataError, Splits
from helpers.training import PRECISIONS


def _add_data_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("data")
    group.add_argument(
        "--data", default="embedded",
        help="'embedded' (the German reviews), 'germeval' (GermEval 2017, needs the Hub or --germeval-dir), "
        "or a CSV/TSV/JSONL file (split 70/15/15 by iterative stratification unless --validation/--test are given)",
    )
    group.add_argument("--validation", type=Path, help="validation file, with --test, for your own data")
    group.add_argument("--test", type=Path, help="test file, with --validation, for your own data")
    group.add_argument("--text-column", default="text", help="column holding the review text (default: text)")
    group.add_argument("--label-column", default="labels", help="column holding the labels (default: labels)")
    group.add_argument("--label-delimiter", default="|", help="separator between labels in one cell (default: |)")
    group.add_argument("--primary-column", help="column with one label per text, for --multiclass on your own data")
    group.add_argument("--germeval-dir", type=Path, help="folder with the four GermEval 2017 TSV files (no download)")
    group.add_argument("--top-k", type=int, default=8, help="GermEval: keep the K most frequent categories (default: 8)")


def load_data(args: argparse.Namespace) -> Splits:
    """The Splits the data arguments describe."""
    if args.data == "embedded":
        from helpers.data import load_embedded

        return load_embedded()
    if args.data == "germeval":
        from helpers.germeval import load_germeval2017

        return load_germeval2017(top_k=args.top_k, local_dir=args.germeval_dir)
    from helpers.data import load_table

    return load_table(
        args.data, args.validation, args.test, text_column=args.text_column, label_column=args.label_column,
        label_delimiter=args.label_delimiter, primary_column=args.primary_column, seed=getattr(args, "seed", None) or 0,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Train, evaluate and use multi-label (or multiclass) text classifiers.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser(
        "train", help="fine-tune, tune thresholds on validation, save the model folder and metrics.json",
        description="Fine-tune a model; thresholds are tuned on validation and reported on test.",
    )
    _add_data_arguments(train)
    settings = train.add_argument_group("model and training (defaults come from --profile)")
    settings.add_argument("--profile", default=None, help="smoke, cpu or gpu (default: TUTORIAL_PROFILE, else by hardware)")
    settings.add_argument("--model", help="german, minilm, tiny, a local model folder or a Hugging Face Hub id")
    settings.add_argument("--epochs", type=float, help="training epochs")
    settings.add_argument("--learning-rate", type=float, help="learning rate of the pretrained body")
    settings.add_argument("--head-learning-rate", type=float, help="learning rate of the new classification head")
    settings.add_argument("--batch-size", type=int, help="texts per batch and device")
    settings.add_argument("--max-length", type=int, help="tokens kept per text (longer texts are truncated)")
    settings.add_argument("--max-train", type=int, help="train on at most this many texts (stratified subset)")
    settings.add_argument("--seed", type=int, help="random seed (same seed, same result on CPU)")
    settings.add_argument("--pos-weight", action="store_true", help="weight each label's positives by negatives/positives")
    settings.add_argument("--multiclass", action="store_true", help="one label per text (CrossEntropyLoss) instead of multi-label")
    settings.add_argument("--precision", choices=PRECISIONS, default="auto",
                          help="auto: bf16 on GPUs of compute capability 8.0+, fp16 on older GPUs, fp32 on a CPU; "
                          "bf16 on a CPU is faster only where it has AMX or AVX512-BF16 units")
    settings.add_argument("--strategy", choices=("per_label", "global", "fixed"), default="per_label",
                          help="thresholds used by the saved model (default: per_label)")
    settings.add_argument("--output", type=Path, default=Path("runs/cli"), help="output folder (default: runs/cli)")
    settings.add_argument("--resume", action="store_true", help="resume from the last checkpoint in --output")

    evaluate = commands.add_parser("evaluate", help="score a saved model folder on a data split")
    evaluate.add_argument("model_dir", type=Path, help="a folder written by `train` (OUTPUT/model)")
    _add_data_arguments(evaluate)
    evaluate.add_argument("--split", choices=("validation", "test"), default="test")

    predict = commands.add_parser("predict", help="label the texts of a file with a saved model")
    predict.add_argument("model_dir", type=Path, help="a folder written by `train` (OUTPUT/model)")
    predict.add_argument("input", type=Path, help="a .txt file (one text per line) or a CSV/TSV/JSONL file")
    predict.add_argument("--text-column", default="text", help="text column for CSV/TSV/JSONL input")
    predict.add_argument("--output", type=Path, help="write JSONL here (default: print)")
    return parser


def _profile(args: argparse.Namespace):
    from helpers.profiles import choose_profile

    profile = choose_profile(args.profile, verbose=False)
    overrides = {
        "dataset": args.data if args.data in ("embedded", "germeval") else Path(args.data).name,
        "model": args.model, "epochs": args.epochs, "learning_rate": args.learning_rate,
        "head_learning_rate": args.head_learning_rate, "batch_size": args.batch_size,
        "max_length": args.max_length, "seed": args.seed, "max_train": args.max_train,
    }
    profile = replace(profile, **{k: v for k, v in overrides.items() if v is not None})
    print(profile.describe())  # the settings actually used, after the command line's overrides
    return profile


def command_train(args: argparse.Namespace) -> dict:
    from helpers.inference import save_model_folder
    from helpers.metrics import multiclass_metrics, multilabel_metrics, sigmoid, single_label_predictions
    from helpers.thresholds import tune_thresholds
    from helpers.training import MULTI_LABEL, MULTICLASS, detect_device, fine_tune, with_precision

    device = with_precision(detect_device(), args.precision)  # first: a precision the device lacks fails at once
    print(device.summary())
    profile = _profile(args)
    splits = load_data(args)
    if profile.max_train is not None:
        splits = splits.shrink(profile.max_train, profile.max_eval, seed=profile.seed)
    problem = MULTICLASS if args.multiclass else MULTI_LABEL
    # the model is saved once, below, as a model folder with its thresholds (no second copy)
    run = fine_tune(profile, splits, args.output / "checkpoints", problem=problem, use_pos_weight=args.pos_weight,
                    resume_from_checkpoint=True if args.resume else None, save_final=False, device=device)
    trainer = run.trainer
    # trainer.predict gathers the predictions of every process, so each process sees all rows
    logits = {name: _logits(trainer.predict(run.tokenized[name])) for name in ("validation", "test")}
    metrics: dict = {"profile": profile.name, "model": profile.model, "problem": problem, "precision": device.precision,
                     "label_names": splits.label_names}
    if problem == MULTICLASS:
        for name in ("validation", "test"):
            truth = splits.primary_ids(name)
            single = single_label_predictions(logits[name].argmax(axis=1), splits.num_labels)
            metrics[name] = {
                "multiclass": multiclass_metrics(logits[name], truth),
                "as_multi_label": multilabel_metrics(single, splits[name].labels),
            }
        thresholds = None
    else:
        probabilities = {name: sigmoid(values) for name, values in logits.items()}
        thresholds, _ = tune_thresholds(probabilities["validation"], splits.validation.labels, splits.label_names,
                                        strategy=args.strategy)
        tuned = replace(thresholds, strategy="global"), replace(thresholds, strategy="per_label")
        for name in ("validation", "test"):
            truth = splits[name].labels
            metrics[name] = {
                "threshold_0.5": multilabel_metrics(probabilities[name], truth, 0.5),
                "tuned_global": multilabel_metrics(probabilities[name], truth, tuned[0].values),
                "tuned_per_label": multilabel_metrics(probabilities[name], truth, tuned[1].values),
            }
        metrics["thresholds"] = {"global": thresholds.global_threshold, "per_label": thresholds.per_label,
                                 "strategy": thresholds.strategy, "tuned_on": "validation"}
    if trainer.is_world_process_zero():
        model_dir = args.output / "model"
        if thresholds is None:
            trainer.save_model(str(model_dir))
        else:
            save_model_folder(run.model, run.tokenizer, model_dir, thresholds)
        (args.output / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False))
        (args.output / "log_history.json").write_text(json.dumps(trainer.state.log_history, indent=2))
        print(f"Model folder: {model_dir}\nMetrics: {args.output / 'metrics.json'}")
        print(_summary(metrics))
    return metrics


def _logits(output) -> np.ndarray:
    predictions = output.predictions[0] if isinstance(output.predictions, tuple) else output.predictions
    return np.asarray(predictions, dtype=np.float32)


def _summary(metrics: dict) -> str:
    lines = []
    for name in ("validation", "test"):
        for setting, values in metrics[name].items():
            key = "micro_f1" if "micro_f1" in values else "macro_f1"
            lines.append(f"  {name:<10} {setting:<16} {key} = {values[key]:.3f}")
    return "\n".join(lines)


def command_evaluate(args: argparse.Namespace) -> dict:
    from helpers.inference import Predictor
    from helpers.metrics import multilabel_metrics

    predictor = Predictor(args.model_dir)
    splits = load_data(args)
    if splits.label_names != predictor.label_names:
        raise DataError(f"The model knows labels {predictor.label_names}, the data has {splits.label_names}.")
    split = splits[args.split]
    probabilities = predictor.predict_proba(split.texts)
    metrics = {
        "split": args.split,
        "threshold_0.5": multilabel_metrics(probabilities, split.labels, 0.5),
        f"saved_{predictor.thresholds.strategy}": multilabel_metrics(probabilities, split.labels, predictor.thresholds.values),
    }
    print(json.dumps(metrics, indent=2))
    return metrics


def command_predict(args: argparse.Namespace) -> list[dict]:
    from helpers.data import read_texts
    from helpers.inference import Predictor

    predictor = Predictor(args.model_dir)
    rows = [
        {"text": p.text, "labels": p.labels, "scores": {k: round(v, 6) for k, v in p.scores.items()}}
        for p in predictor.predict(read_texts(args.input, args.text_column))
    ]
    lines = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(lines, encoding="utf-8")
        print(f"Wrote {len(rows)} predictions to {args.output}")
    else:
        sys.stdout.write(lines)
    return rows


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from helpers.models import ModelNotAvailable
    from helpers.training import PrecisionError

    handlers = {"train": command_train, "evaluate": command_evaluate, "predict": command_predict}
    try:
        handlers[args.command](args)
    except (DataError, ModelNotAvailable, FileNotFoundError, PrecisionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
