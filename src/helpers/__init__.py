"""Tested helpers for the notebook series: from a multiclass to a multi-label text classifier.

Modules are named by domain. Data: `decoding` (finding a file, its encoding), `tables` (parsing CSV/TSV/JSONL
as people export them), `label_cells` (a label column's cells), `splits` (the `Splits` model, stratified splitting,
`check_trainable`), `data` (every source loaded into `Splits`), `texts` (texts to predict, streamed), `labels` and
`checks` (multi-hot targets and their checks), `rare_labels` (long tails), `germeval`. Models: `models` (which
model, set up how), `multilingual` (the offline multilingual model), `device`, `profiles` (settings, checked).
Training: `probe`, `training`, `run_folder` (a run's layout, checkpoints and lock), `recipe` (a run folder from
data). After training: `metrics`, `thresholds`, `calibration`, `inference` (the model folder and `Predictor`),
`model_card`, `audit`, `plots`, `baselines`. Plumbing: `errors` (one base class for every explained error, and the
wording messages share), `reporting` (how the package tells the user something), `cli`. Import what a notebook
needs from them directly.
"""

__version__ = "0.1.0"

# The GitHub repository the notebooks' "Open in Colab" badges and Colab install cells point to.
# Set it here only, then run `python scripts/stamp_notebooks.py` to update every notebook.
REPOSITORY = "multilabel-tutorial/transformers-multilabel"
BRANCH = "main"
