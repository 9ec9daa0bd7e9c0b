#!/usr/bin/env bash
# Install PyTorch into the given Python environment before the package itself.
# Without an NVIDIA GPU this takes the CPU build, so no multi-GB CUDA wheels are downloaded.
set -euo pipefail
PY="$1"
if "$PY" -c "import torch" 2>/dev/null; then
  echo "torch $("$PY" -c 'import torch; print(torch.__version__)') is already installed."
  exit 0
fi
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  echo "An NVIDIA GPU was found: installing torch with CUDA support from PyPI."
  "$PY" -m pip install "torch>=2.3"
elif [ "$(uname -s)" = "Darwin" ]; then
  echo "macOS: PyPI's torch wheels are CPU/MPS builds."
  "$PY" -m pip install "torch>=2.3"
else
  echo "No NVIDIA GPU: installing the CPU build of torch (no CUDA wheels)."
  # A CPU wheel that pip can already see (find-links folder or cache) comes first;
  # otherwise PyTorch's own CPU index.
  "$PY" -m pip install "torch==2.13.0+cpu" 2>/dev/null \
    || "$PY" -m pip install torch --index-url https://download.pytorch.org/whl/cpu
fi
