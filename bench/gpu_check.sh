#!/usr/bin/env bash
# The GPU check in one command (see bench/gpu_check.py for its parts, docs/BENCHMARKS.md for the device call):
#
#     python bench/gpu_bundle.py          # here, once: build/gpu-bundle (MiniLM in float16 + wheels), about 45 MiB
#     bash bench/gpu_check.sh             # on the GPU machine, with build/gpu-bundle carried along
#
# Needs only the machine's own python3 with torch, transformers and accelerate; what else our helpers need
# (datasets, dill, multiprocess, iterative-stratification) is installed from the bundle's wheels when missing.
# Writes $OUT/gpu_check.json (or build/gpu-check/) after every part, and the whole log beside it.
set -u -o pipefail
cd "$(dirname "$0")/.."
out="${OUT:-build/gpu-check}"
mkdir -p "$out"
python="${PYTHON:-python3}"
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}" HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
    PYTHONUNBUFFERED=1 MPLBACKEND=Agg
{
    wheels=()
    for pair in datasets:datasets dill:dill multiprocess:multiprocess iterstrat:iterative_stratification; do
        module="${pair%%:*}" wheel="${pair#*:}"
        if ! "$python" -c "import $module" 2>/dev/null; then
            found=(build/gpu-bundle/wheels/"$wheel"-*.whl)
            if [ -e "${found[0]}" ]; then wheels+=("${found[0]}"); else echo "MISSING: $module, and no wheel for it in build/gpu-bundle/wheels"; fi
        fi
    done
    if [ "${#wheels[@]}" -gt 0 ]; then
        site=/tmp/gpu-check-site
        echo "Installing from the bundle: ${wheels[*]}"
        if "$python" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$site" "${wheels[@]}"; then
            export PYTHONPATH="$PYTHONPATH:$site"
        else
            echo "Could not install the bundled wheels; the preflight below says what is missing."
        fi
    fi
    if [ -e build/gpu-e5/part-1 ]; then  # the multilingual model's file, carried in parts (bench/gpu_bundle.py --e5-parts)
        if "$python" bench/gpu_bundle.py --join-e5 /tmp/e5-small-q4.bin; then
            export MULTILABEL_TUTORIAL_E5_FILE=/tmp/e5-small-q4.bin
        else
            echo "The multilingual model's parts could not be joined (above); the gpu profile falls back to MiniLM."
        fi
    fi
    timeout -k 10 "${GPU_CHECK_TIMEOUT:-480}" "$python" bench/gpu_check.py --out "$out" "$@"
} 2>&1 | tee "$out/gpu_check.log"
