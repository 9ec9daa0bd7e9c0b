"""How the library tells the user something: one logger, one warning format, one error line.

Three kinds of message, each with one channel:

* information and notes: the package's logger (``get_logger(__name__)``). Plain messages go to
  standard output (what a notebook shows under a cell); `note` (a decision taken while reading or
  training: a detected delimiter, a merged label) and logger warnings go to standard error.
* warnings about the user's data: Python's `warnings.warn` (so that code and tests can catch them),
  shown as one line (`one_line`) without the helper's path and source line.
* errors: exceptions derived from `helpers.errors.TutorialError`; the command line prints them with
  `tell_error`, as one line.

`command_line_messages` switches all of it to the command line's convention: every message on
standard error (standard output carries the results), every warning, any library's, as one line.
Under `torchrun` or `accelerate launch` only the main process writes, so a message is not repeated by
every process. Silence the package with ``logging.getLogger("helpers").setLevel(logging.WARNING)``.
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
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def is_main_process() -> bool:
    """True unless this is a secondary process of a distributed run (RANK set and not 0)."""
    return os.environ.get("RANK", "0") in ("", "0")


def one_line(kind: str, message: object) -> str:
    """'kind: message' on one line (runs of whitespace, line breaks included, become one space)."""
    return f"{kind}: {' '.join(str(message).split())}"


def note(message: str) -> None:
    """A decision taken on the user's behalf (a fallback, a detected delimiter), on standard error, so that it
    never mixes with predictions written to standard output."""
    get_logger(ROOT_LOGGER).warning(f"Note: {message}")


def tell_error(message: str) -> None:
    """An error for the user of the command line: one line on standard error."""
    print(one_line("error", message), file=sys.stderr)


@contextmanager
def command_line_messages() -> Iterator[None]:
    """Meanwhile: the package's messages on standard error, and every warning (any library's) as one line there."""
    before = _STREAM["name"]
    _STREAM["name"] = "stderr"
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_one_line
            yield
    finally:
        _STREAM["name"] = before


def _show_one_line(message, category, filename, lineno, file=None, line=None) -> None:
    print(one_line("warning", message), file=sys.stderr)


def _format_warning(message, category, filename, lineno, line=None, _default=warnings.formatwarning) -> str:
    """The package's own warnings as one line ("UserWarning: ..."), without its file path and source line.

    A warning about the user's data says what and where in its message; the helper's path and the line of
    code that raised it only distract under a notebook cell. Warnings from other libraries keep the default.
    """
    if os.path.abspath(filename).startswith(_PACKAGE_DIR + os.sep):
        return one_line(category.__name__, message) + "\n"
    return _default(message, category, filename, lineno, line)


class _CurrentStreams(logging.StreamHandler):
    """Information to the current `sys.stdout`, warnings and notes to the current `sys.stderr` (Jupyter and
    pytest swap both); everything to stderr inside `command_line_messages`."""

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
