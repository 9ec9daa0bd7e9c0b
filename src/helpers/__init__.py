"""Tested helpers for the notebook series: from a multiclass to a multi-label text classifier.

Modules are named by domain: `data`, `labels`, `models`, `profiles`, `training`, `metrics`,
`thresholds`, `inference`, `plots`. Import what a notebook needs from them directly.
"""

__version__ = "0.1.0"

# The GitHub repository the notebooks' "Open in Colab" badges and Colab install cells point to.
# Set it here only, then run `python scripts/stamp_notebooks.py` to update every notebook.
REPOSITORY = "multilabel-tutorial/transformers-multilabel"
BRANCH = "main"
