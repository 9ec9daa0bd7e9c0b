"""Estimate each notebook's training time on a Colab T4 in the gpu profile, from measured token counts.

No GPU was lent to this project so far, so this is an estimate, and the script says how it is made:

* tokens: counted here on the embedded reviews with the MiniLM tokenizer (an English vocabulary splits
  German words into more pieces than the German BERT's, so the counts are an upper bound), per batch
  of the recipe (length-grouped, padded to the batch's longest text, cut at the profile's max_length);
* work: 6 x parameters FLOPs per training token (forward and backward), 2 x parameters per evaluated
  token (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", section 2.1), with the German
  BERT's 110M parameters (BERT-base);
* speed: the T4's 65 TFLOPS dense fp16 tensor peak (NVIDIA T4 datasheet) at a model FLOPs utilisation
  between the two bounds given (default 10 % and 35 %: small batches of short texts keep a GPU far from its peak), which is a range, not a measurement;
* trainings per notebook on a fresh Colab runtime, where every notebook trains what it needs.

    python bench/t4_estimate.py
"""

from __future__ import annotations

import argparse

import numpy as np

from helpers.data import load_embedded
from helpers.models import load_tokenizer, resolve_model
from helpers.profiles import PROFILES

T4_FP16_PEAK = 65e12  # FLOP/s, NVIDIA T4 datasheet (Tensor Cores, mixed precision)
BERT_BASE_PARAMETERS = 110e6
# what each notebook trains on a fresh runtime (05 and 06 reuse 04's run only where it is still on disk)
TRAININGS = {
    "00_the_answer": ["full"], "01_multiclass_baseline": ["full"], "02_multilabel_targets": [], "03_problem_type_and_loss": [],
    "04_finetune_multilabel": ["full"], "05_thresholds": ["full", "full"], "06_predict_and_analyse": ["full", "full"],
    "07_your_own_data": ["example"], "08_trust_the_scores": ["full"], "99_appendix_machine_and_data": [],
}
EXAMPLE_ROWS = 800  # notebook 07 writes an example file of this many reviews and splits it 70/15/15


def padded_tokens(lengths: np.ndarray, batch_size: int) -> int:
    """Tokens the model computes on when texts of similar length share a batch, padded to its longest."""
    ordered = np.sort(lengths)
    return int(sum(ordered[i : i + batch_size].max() * len(ordered[i : i + batch_size])
                   for i in range(0, len(ordered), batch_size)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mfu", type=float, nargs=2, default=(0.10, 0.35), help="utilisation bounds (default 0.10 0.35)")
    args = parser.parse_args()
    profile = PROFILES["gpu"]
    splits = load_embedded()
    tokenizer = load_tokenizer(resolve_model("minilm", verbose=False))

    def lengths(texts):
        return np.array([len(ids) for ids in tokenizer(list(texts), truncation=True, max_length=profile.max_length)["input_ids"]])

    train, validation = lengths(splits.train.texts), lengths(splits.validation.texts)
    share = EXAMPLE_ROWS * 0.7 / len(train)
    flops = {}
    for kind, scale in (("full", 1.0), ("example", share)):
        per_epoch = 6 * BERT_BASE_PARAMETERS * padded_tokens(train, profile.batch_size) * scale
        evaluation = 2 * BERT_BASE_PARAMETERS * padded_tokens(validation, profile.batch_size * 2) * scale
        flops[kind] = profile.epochs * (per_epoch + evaluation)
    low, high = args.mfu
    print(f"gpu profile: {profile.epochs:g} epochs, batch {profile.batch_size}, max_length {profile.max_length}; "
          f"{len(train)} training texts, median {np.median(train):.0f} tokens (MiniLM tokenizer: an upper bound)")
    print(f"one full training: {flops['full'] / 1e15:.1f} PFLOP -> "
          f"{flops['full'] / (T4_FP16_PEAK * high):.0f}-{flops['full'] / (T4_FP16_PEAK * low):.0f} s on a T4 "
          f"at {low:.0%}-{high:.0%} of its 65 TFLOPS fp16 peak")
    print(f"\n{'notebook':<28}{'trainings':>10}{'training time on a T4 (s)':>28}")
    for notebook, runs in TRAININGS.items():
        total = sum(flops[kind] for kind in runs)
        span = f"{total / (T4_FP16_PEAK * high):.0f}-{total / (T4_FP16_PEAK * low):.0f}" if runs else "0"
        print(f"{notebook:<28}{len(runs):>10}{span:>28}")
    print("\nNot included: the install cell (pip), downloading the German BERT (about 440 MB) once per runtime, "
          "loading, and inference passes (seconds each on a GPU).")


if __name__ == "__main__":
    main()
