"""Reading files for prediction: line numbers, skipped texts, broken files refused up front, bounded memory."""

import pytest

from helpers.checks import has_visible_text
from helpers.errors import DataError
from helpers.texts import read_texts, stream_texts


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_stream_texts_keeps_line_numbers_and_marks_blank_lines_skipped(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("\ufeffErster Text\r\n\r\nZweiter\r\n   \n\u200b\u00a0\nDritter".encode("utf-8"))
    with pytest.warns(UserWarning, match=r"3 of 6 texts are skipped \(lines 2, 4, 5\)"):
        stream = stream_texts(path)
    records = list(stream)
    assert len(stream) == 6 and stream.skipped == 3
    assert [(r.line, r.text) for r in records if not r.skipped] == [(1, "Erster Text"), (3, "Zweiter"), (6, "Dritter")]
    assert [(r.line, r.skipped) for r in records if r.skipped] == [
        (2, "empty"), (4, "only spaces or invisible characters"), (5, "only spaces or invisible characters")]
    with pytest.warns(UserWarning, match="skipped"):
        assert read_texts(path) == ["Erster Text", "Zweiter", "Dritter"]  # the old list API, no BOM in the first text


def test_stream_texts_from_tables_carry_line_row_and_id(tmp_path):
    csv_path = _write(tmp_path / "in.csv", 'id,text\na1,Gut\na2,\na3,"Zwei\nZeilen"\na4,Ende\n')
    with pytest.warns(UserWarning, match=r"1 of 4 texts are skipped \(line 3\)"):
        records = list(stream_texts(csv_path))
    assert [(r.line, r.row, r.id, r.skipped) for r in records] == [
        (2, 1, "a1", None), (3, 2, "a2", "empty"), (4, 3, "a3", None), (6, 4, "a4", None)]
    semicolons = _write(tmp_path / "in2.csv", "nr;review\n1;Gut\n2;Schlecht\n")
    assert [(r.id, r.text) for r in stream_texts(semicolons, text_column="review", id_column="nr")] == [("1", "Gut"), ("2", "Schlecht")]
    jsonl = _write(tmp_path / "in.jsonl", '{"id": 7, "text": "Gut"}\n\n{"id": 8, "text": null}\n{"id": 9}\n{"id": 10, "text": 42}\n')
    with pytest.warns(UserWarning, match="3 of 4 texts are skipped"):
        records = list(stream_texts(jsonl))
    assert [(r.line, r.id, r.skipped) for r in records] == [
        (1, "7", None), (3, "8", "null"), (4, "9", "no text key"), (5, "10", "not text (int)")]


@pytest.mark.parametrize(
    ("name", "content", "kwargs", "message"),
    [
        ("in.jsonl", '{"text": "a"}\n' * 50 + '{"text": "b",}\n', {}, r"line 51: not valid JSON"),
        ("in.csv", 'text\nGut\n"Schlecht\nNa ja\n', {}, r"line 3: a quote .* never closed"),
        ("in.csv", "id,text\n1,Gut\n2\n", {}, r"line 3 has 1 cell but the header has 2: the 'text' cell is missing"),
        ("in.csv", "review\nGut\n", {}, r"no text column 'text'; its columns are \['review'\]"),
        ("in.jsonl", '{"review": "Gut"}\n', {}, r"no object has the text key 'text'"),
        ("in.txt", "\n \n\u200b\n", {}, "none of its 3 texts has visible characters"),
        ("in.txt", "Gut\n".encode("cp1252").decode("latin-1") + "Größe\n", {"encoding": "ascii"}, r"cannot be decoded as ascii \(line 2"),
        ("in.md", "Gut\n", {}, "unknown file type '.md'"),
    ],
)
def test_stream_texts_refuses_a_broken_file_before_yielding_anything(tmp_path, name, content, kwargs, message):
    with pytest.raises(DataError, match=message):
        stream_texts(_write(tmp_path / name, content), **kwargs)


def test_stream_texts_reads_windows_files_and_says_so(tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_bytes("Größe passt\r\nZu groß\r\n".encode("cp1252"))
    assert [r.text for r in stream_texts(path)] == ["Größe passt", "Zu groß"]
    assert "line 1 reads 'Größe passt'" in capsys.readouterr().err


def test_stream_texts_reads_lazily_in_bounded_memory(tmp_path):
    import tracemalloc

    line = "Die Lieferung kam pünktlich, aber der Preis war für diese Qualität zu hoch. " * 2
    peaks, sizes = [], []
    for rows in (1_000, 4_000):
        path = tmp_path / f"many{rows}.csv"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("id,text\n")
            handle.writelines(f'{i},"{line}{i}"\n' for i in range(rows))
        tracemalloc.start()
        stream = stream_texts(path)
        count = sum(1 for record in stream if not record.skipped)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        sizes.append(path.stat().st_size)
        assert count == len(stream) == rows
    # four times the file, not four times the memory: nothing grows with the file's length
    assert peaks[1] < 1.5 * peaks[0] and peaks[1] < sizes[1] / 10, (peaks, sizes)


@pytest.mark.parametrize(
    ("text", "visible"),
    [("", False), ("  \t\r\n", False), ("\u200b\u200c\u200d\u2060", False), ("\ufeff", False), ("\u00a0\u202f", False),
     ("\u00ad", False), ("\u3164\u2800", False), ("a", True), ("\u200bGut", True), ("ß", True), ("😀", True)],
)
def test_has_visible_text(text, visible):
    assert has_visible_text(text) is visible


def test_a_missing_text_column_never_suggests_the_labels_or_id_column(tmp_path):
    from helpers.texts import DataError, stream_texts

    path = tmp_path / "new.csv"
    path.write_text("id,review,labels\n1,Das Paket kam spät,Lieferung\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"text_column='review'"):
        list(stream_texts(path))


def test_jsonl_ids_are_kept_when_the_first_object_has_none(tmp_path):
    from helpers.texts import stream_texts

    path = tmp_path / "new.jsonl"
    path.write_text('{"text": "ohne id"}\n{"text": "mit id", "id": "A7"}\n', encoding="utf-8")
    records = list(stream_texts(path))
    assert [r.id for r in records] == [None, "A7"]
