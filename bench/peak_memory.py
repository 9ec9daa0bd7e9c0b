"""Peak memory of a CPU training run: the command line's `train` in a child process, measured by the OS.

    python bench/peak_memory.py --profile cpu --epochs 1
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="cpu")
    parser.add_argument("--epochs", default="1")
    parser.add_argument("--max-train", default=None, help="train on at most this many texts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as output:
        command = [sys.executable, "-m", "helpers", "train", "--profile", args.profile, "--epochs", args.epochs,
                   "--output", output]
        if args.max_train:
            command += ["--max-train", args.max_train]
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux reports KiB
    print(f"profile {args.profile}, {args.epochs} epoch(s): peak resident memory {peak_mib:.0f} MiB, {seconds:.0f} s in all")


if __name__ == "__main__":
    main()
