"""Tested helpers for the notebook series: from a multiclass to a multi-label text classifier.

Modules are named by domain: `data`, `labels`, `models`, `profiles`, `training`, `metrics`,
`thresholds`, `inference`, `plots`. Import what a notebook needs from them directly.
"""

__version__ = "0.1.0"
