"""Tested helpers for the notebook series: from a multiclass to a multi-label text classifier.

Modules are named by domain. Data: `tables` (reading CSV/TSV/JSONL as people export them), `data` (the `Splits`
model and the loaders), `labels` and `checks` (multi-hot targets and their checks), `rare_labels` (long tails),
`germeval`. Models: `models` (which model, set up how), `multilingual` (the offline multilingual model),
`device`, `profiles` (settings, checked). Training: `probe`, `training`, `recipe` (a run folder from data). After
training: `metrics`, `thresholds`, `calibration`, `inference` (the model folder and `Predictor`), `model_card`,
`audit`, `plots`, `baselines`. Plumbing: `reporting`, `cli`. Import what a notebook needs from them directly.
"""

__version__ = "0.1.0"

# The GitHub repository the notebooks' "Open in Colab" badges and Colab install cells point to.
# Set it here only, then run `python scripts/stamp_notebooks.py` to update every notebook.
REPOSITORY = "multilabel-tutorial/transformers-multilabel"
BRANCH = "main"
