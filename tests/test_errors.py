"""One base class for every explained error, each keeping its standard base; the wording the messages share."""

import pytest

from helpers import errors
from helpers.errors import TutorialError, at_lines, option_hint, rows_phrase


@pytest.mark.parametrize(
    ("name", "standard"),
    [("DataError", ValueError), ("TargetError", ValueError), ("ModelFolderError", ValueError),
     ("ModelNotAvailable", RuntimeError), ("DeviceError", RuntimeError), ("PrecisionError", ValueError),
     ("RunError", ValueError), ("SettingsError", ValueError)],
)
def test_every_explained_error_is_a_tutorial_error_and_keeps_its_standard_base(name, standard):
    error = getattr(errors, name)
    assert issubclass(error, TutorialError) and issubclass(error, standard)


def test_the_bundled_models_error_is_explained_too():
    from helpers.multilingual import BundleError

    assert issubclass(BundleError, TutorialError)


def test_options_are_named_for_python_and_the_command_line():
    assert option_hint("allow_empty_labels") == "allow_empty_labels=True (command line: --allow-empty-labels)"
    assert option_hint("delimiter", "\t") == "delimiter='\\t' (command line: --delimiter '\\t')"
    assert option_hint("label_delimiter", ";") == "label_delimiter=';' (command line: --label-delimiter ';')"
    assert at_lines("line", [4]) == "line 4" and at_lines("line", list(range(1, 9))) == "lines 1, 2, 3, 4, 5 and 3 more"
    assert rows_phrase(1) == "1 row" and rows_phrase(3) == "3 rows"
