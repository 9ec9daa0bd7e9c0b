import logging

from helpers.reporting import get_logger, is_main_process


def test_messages_are_printed_once_and_only_by_the_main_process(monkeypatch, capsys):
    log = get_logger("helpers.test")
    log.info("from the main process")
    monkeypatch.setenv("RANK", "1")
    assert not is_main_process()
    log.info("from process 1")
    monkeypatch.setenv("RANK", "0")
    out = capsys.readouterr().out
    assert out.count("from the main process") == 1 and "from process 1" not in out


def test_the_package_can_be_silenced_with_logging():
    logger = logging.getLogger("helpers")
    level = logger.level
    try:
        logger.setLevel(logging.WARNING)
        assert not get_logger("helpers.test").isEnabledFor(logging.INFO)
    finally:
        logger.setLevel(level)


def test_the_packages_own_warnings_read_as_one_line_and_other_libraries_keep_theirs(tmp_path):
    """Under a notebook cell a warning about the user's data shows its message, not the helper's path and code."""
    import warnings

    import helpers.inference as inference
    from helpers.reporting import get_logger

    get_logger("helpers.test")  # the formatter is installed with the package's logging
    inside = warnings.formatwarning("3 of 9 texts were truncated", UserWarning, inference.__file__, 332, "code line")
    assert inside == "UserWarning: 3 of 9 texts were truncated\n"
    outside = warnings.formatwarning("deprecated", FutureWarning, str(tmp_path / "lib.py"), 7, "code line")
    assert outside.startswith(f"{tmp_path / 'lib.py'}:7: FutureWarning: deprecated")


def test_on_the_command_line_every_message_and_warning_is_one_line_on_stderr(capsys):
    import warnings

    from helpers.reporting import command_line_messages, note, one_line, tell_error

    assert one_line("warning", "two\n  lines") == "warning: two lines"
    log = get_logger("helpers.test")
    with command_line_messages():
        log.info("information")
        note("a delimiter was detected")
        warnings.warn("a warning\nfrom any library", FutureWarning)
    tell_error("what went wrong,\n where, what to do")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == ["information", "Note: a delimiter was detected",
                                         "warning: a warning from any library", "error: what went wrong, where, what to do"]
