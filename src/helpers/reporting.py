"""How the library talks: through `logging`, once, on the main process.

Every module gets its logger with ``get_logger(__name__)``. The package's logger writes plain
messages to standard output (what a notebook shows under a cell), warnings and notes to standard
error, and under `torchrun` or
`accelerate launch` only the main process writes, so a message is not repeated by every process.
Silence it with ``logging.getLogger("helpers").setLevel(logging.WARNING)``.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

ROOT_LOGGER = "helpers"
_STREAM = {"name": "stdout"}


def is_main_process() -> bool:
    """True unless this is a secondary process of a distributed run (RANK set and not 0)."""
    return os.environ.get("RANK", "0") in ("", "0")


@contextmanager
def messages_on_stderr() -> Iterator[None]:
    """Send the package's messages to standard error meanwhile (the command line keeps stdout for its results)."""
    before = _STREAM["name"]
    _STREAM["name"] = "stderr"
    try:
        yield
    finally:
        _STREAM["name"] = before


class _CurrentStreams(logging.StreamHandler):
    """Information to the current `sys.stdout`, warnings and notes to the current `sys.stderr` (Jupyter and
    pytest swap both); everything to stderr inside `messages_on_stderr`."""

    def __init__(self) -> None:
        super().__init__(sys.stdout)
        self._level = logging.INFO

    def emit(self, record: logging.LogRecord) -> None:
        self._level = record.levelno
        super().emit(record)

    @property  # type: ignore[override]
    def stream(self):
        if _STREAM["name"] == "stderr" or self._level >= logging.WARNING:
            return sys.stderr
        return sys.stdout

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ assigns it; the property ignores it
        pass


class _MainProcessOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return is_main_process()


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _format_warning(message, category, filename, lineno, line=None, _default=warnings.formatwarning) -> str:
    """The package's own warnings as one line ("UserWarning: ..."), without its file path and source line.

    A warning about the user's data says what and where in its message; the helper's path and the line of
    code that raised it only distract under a notebook cell. Warnings from other libraries keep the default.
    """
    if os.path.abspath(filename).startswith(_PACKAGE_DIR + os.sep):
        return f"{category.__name__}: {message}\n"
    return _default(message, category, filename, lineno, line)


def _configure() -> logging.Logger:
    if warnings.formatwarning is not _format_warning:
        warnings.formatwarning = _format_warning
    logger = logging.getLogger(ROOT_LOGGER)
    if not any(isinstance(handler, _CurrentStreams) for handler in logger.handlers):
        handler = _CurrentStreams()
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler.addFilter(_MainProcessOnly())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False  # the root logger's handlers would print every message twice
    return logger


def get_logger(name: str) -> logging.Logger:
    """The logger for a module of this package (``get_logger(__name__)``)."""
    _configure()
    return logging.getLogger(name if name.startswith(ROOT_LOGGER) else f"{ROOT_LOGGER}.{name}")


def json_safe(value):
    """`value` with NaN/inf floats as None, so the JSON written is standard (e.g. ROC-AUC of a label with no positives)."""
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
