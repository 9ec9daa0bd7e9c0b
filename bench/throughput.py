"""Training and inference throughput: our recipe against the common tutorial recipe, in one run.

Common recipe (as in many tutorials): every text padded to max_length=128, fp32, random batches.
Our recipe: dynamic padding (DataCollatorWithPadding), length-grouped batches, the device's best
precision (bf16/fp16 on a GPU, fp32 on a CPU). Same model, same data, same number of steps.

    python bench/throughput.py --steps 20 --batch-size 32
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time

import numpy as np
import torch
from transformers import DataCollatorWithPadding, Trainer, TrainingArguments, default_data_collator, set_seed

from helpers.data import load_embedded
from helpers.models import load_tokenizer, multilabel_model, resolve_model
from helpers.device import detect_device, precision_arguments, with_precision
from helpers.inference import predict_logits
from helpers.training import tokenize


def training_rate(model_request, splits, tokenizer, *, ours: bool, steps: int, batch_size: int, max_length: int,
                  cpu_bf16: bool = False) -> float:
    device = detect_device()
    set_seed(0)
    model = multilabel_model(model_request, splits.label_names)
    datasets = splits.to_datasets()
    if ours:
        tokenized = tokenize(datasets, tokenizer, max_length=max_length)
        if cpu_bf16:  # bf16 autocast on the CPU: fast only where the CPU has bf16 units (e.g. AMX)
            device = with_precision(device, "bf16")
        collator, sampling, precision = DataCollatorWithPadding(tokenizer), "group_by_length", precision_arguments(device)
    else:
        tokenized = datasets.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length, padding="max_length"),
                                 batched=True, remove_columns=["text"])
        collator, sampling, precision = default_data_collator, "random", {"use_cpu": device.device == "cpu"}
    with tempfile.TemporaryDirectory() as folder:
        args = TrainingArguments(
            output_dir=folder, max_steps=steps, per_device_train_batch_size=batch_size, learning_rate=5e-5,
            train_sampling_strategy=sampling, eval_strategy="no", save_strategy="no", report_to="none",
            logging_strategy="no", disable_tqdm=True, seed=0, **precision,
        )
        trainer = Trainer(model=model, args=args, train_dataset=tokenized["train"], data_collator=collator)
        start = time.perf_counter()
        trainer.train()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        return steps * batch_size / (time.perf_counter() - start)


def inference_rate(model_request, splits, tokenizer, *, ours: bool, batch_size: int, max_length: int) -> float:
    device = detect_device()
    model = multilabel_model(model_request, splits.label_names).eval()
    texts = splits.test.texts + splits.validation.texts
    if device.device == "cuda":
        model = model.to("cuda")
        if ours and device.precision != "fp32":
            model = model.to(torch.bfloat16 if device.precision == "bf16" else torch.float16)
    start = time.perf_counter()
    if ours:
        predict_logits(model, tokenizer, texts, max_length=max_length, batch_size=batch_size)
    else:
        with torch.no_grad():
            for i in range(0, len(texts), batch_size):
                batch = tokenizer(texts[i : i + batch_size], padding="max_length", truncation=True,
                                  max_length=max_length, return_tensors="pt").to(model.device)
                model(**batch)
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="minilm", help="model request (default: minilm)")
    parser.add_argument("--steps", type=int, default=20, help="training steps per recipe")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--cpu-bf16", action="store_true",
                        help="also measure our recipe with bf16 autocast on the CPU (the recipe itself trains in fp32 there)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()

    splits = load_embedded()
    resolved = resolve_model(args.model)
    tokenizer = load_tokenizer(resolved)
    device = detect_device()
    print(device.summary())
    lengths = [len(ids) for ids in tokenizer(splits.train.texts, truncation=True, max_length=args.max_length)["input_ids"]]
    print(f"Token lengths in train: median {np.median(lengths):.0f}, 90th percentile {np.percentile(lengths, 90):.0f}, "
          f"max {max(lengths)} (padding to {args.max_length} wastes {1 - np.mean(lengths) / args.max_length:.0%} of each batch)")
    # warm-up, so that one-off start-up costs land on neither side
    training_rate(resolved, splits, tokenizer, ours=True, steps=2, batch_size=args.batch_size, max_length=args.max_length)

    results = {}
    for ours in (False, True):
        name = "ours" if ours else "common"
        results[f"train_{name}"] = training_rate(resolved, splits, tokenizer, ours=ours, steps=args.steps,
                                                 batch_size=args.batch_size, max_length=args.max_length)
        results[f"infer_{name}"] = inference_rate(resolved, splits, tokenizer, ours=ours,
                                                  batch_size=args.batch_size * 2, max_length=args.max_length)
    if args.cpu_bf16 and device.device == "cpu":
        results["train_ours_cpu_bf16"] = training_rate(resolved, splits, tokenizer, ours=True, steps=args.steps,
                                                       batch_size=args.batch_size, max_length=args.max_length, cpu_bf16=True)
    print(f"\n{'':<10}{'common (pad 128, fp32, random)':>34}{'ours':>12}{'ratio':>8}")
    for kind in ("train", "infer"):
        common, ours = results[f"{kind}_common"], results[f"{kind}_ours"]
        label = "training" if kind == "train" else "inference"
        print(f"{label:<10}{common:>28.1f} /s{ours:>10.1f} /s{ours / common:>7.2f}x")
    if "train_ours_cpu_bf16" in results:
        rate = results["train_ours_cpu_bf16"]
        print(f"training, ours with CPU bf16 autocast: {rate:.1f} /s, {rate / results['train_common']:.2f}x the common recipe")
    meta = {
        "device": device.summary(), "cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
        "torch": torch.__version__, "model": resolved.name_or_path, "steps": args.steps, "batch_size": args.batch_size,
        "max_length": args.max_length,
    }
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"results": results, "meta": meta}, handle, indent=2)


if __name__ == "__main__":
    main()
