"""The errors this package explains, under one base class, and the wording their messages share.

Every error a learner or a command-line user can meet derives from `TutorialError`: its message
already says what went wrong, where, and what to do, so the command line prints it as one line (and
anything else as an unexpected error with a pointer to --debug). Each one keeps a standard base as
well (`ValueError`, `RuntimeError`), so `except ValueError` in a learner's code still catches it.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence


class TutorialError(Exception):
    """An error whose message says what went wrong, where, and what to do (the command line catches these)."""


class DataError(TutorialError, ValueError):
    """A data file or column that cannot be used; the message says what to change."""


class TargetError(TutorialError, ValueError):
    """Multi-hot targets that cannot be used; the message says how to fix them."""


class ModelFolderError(TutorialError, ValueError):
    """A model folder that is incomplete or inconsistent; the message says what is missing."""


class ModelNotAvailable(TutorialError, RuntimeError):
    """The requested model cannot be loaded here and no fallback applies."""


class DeviceError(TutorialError, RuntimeError):
    """A device that was asked for and is not there."""


class PrecisionError(TutorialError, ValueError):
    """A precision the device cannot train in."""


class RunError(TutorialError, ValueError):
    """A run folder or an output file that cannot be used as asked (exists, belongs to another run, no checkpoint)."""


class SettingsError(TutorialError, ValueError):
    """A training setting outside its range; the message names it, its range and the command-line flag."""


# --- wording shared by the messages -------------------------------------------------------------


def option_hint(name: str, value: object = True) -> str:
    """How to pass an option, in Python and on the command line."""
    flag = "--" + name.replace("_", "-")
    if value is True:
        return f"{name}=True (command line: {flag})"
    python = "'\\t'" if value == "\t" else repr(value)
    shell = "'\\t'" if value == "\t" else shlex.quote(str(value))
    return f"{name}={python} (command line: {flag} {shell})"


def line_list(numbers: Sequence[int], limit: int = 5) -> str:
    """'4, 9, 12' (the first `limit` numbers, then how many more)."""
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")


def at_lines(unit: str, numbers: Sequence[int]) -> str:
    """'line 4' or 'lines 4, 9, 12'."""
    return f"{unit}{'s' if len(numbers) > 1 else ''} {line_list(numbers)}"


def rows_phrase(count: int) -> str:
    """'1 row' or '3 rows'."""
    return f"{count} row{'' if count == 1 else 's'}"
