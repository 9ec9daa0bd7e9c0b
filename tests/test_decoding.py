"""Encodings: BOMs, UTF-8, legacy code pages, and what to pass when a file cannot be decoded."""

import pytest

from helpers.data import load_table
from helpers.errors import DataError

from data_files import rows_as_csv, review_rows


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        (rows_as_csv(review_rows()).encode("cp1252"), {"encoding": "utf-8"}, r"cannot be decoded as utf-8-sig \(line 2, byte 0xfc.*encoding='cp1252'"),
        (rows_as_csv(review_rows()).encode("utf-8") + "Größe,Preis\n".encode("cp1252"), {}, r"mixes encodings: line 2 is UTF-8 but line 32"),
        (rows_as_csv(review_rows()).encode("cp1252") + b"\x81\n", {}, r"not UTF-8 \(line 2.*not Windows-1252 either.*encoding="),
        (rows_as_csv(review_rows()).encode("utf-8"), {"encoding": "klingon"}, "Unknown encoding 'klingon'"),
        (rows_as_csv(review_rows()).encode("utf-16-le"), {}, r"NUL bytes.*encoding='utf-16-le'"),
        (b"PK\x03\x04\x14\x00workbook", {}, "ZIP archive"),
        (b'{"text": "Gut", "labels": ["Preis"]}\n', {}, "line 1 is a JSON object: the file looks like JSON Lines"),
    ],
    ids=["cp1252-read-as-utf8", "mixed", "neither", "unknown-encoding", "utf16-without-bom", "xlsx-renamed", "jsonl-named-csv"],
)
def test_encoding_problems_say_where_and_what_to_pass(tmp_path, data, kwargs, message):
    path = tmp_path / "enc.csv"
    path.write_bytes(data)
    with pytest.raises(DataError, match=message):
        load_table(path, **kwargs)


def test_a_compressed_file_is_refused_with_how_to_unpack_it(tmp_path):
    import gzip

    path = tmp_path / "reviews.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(rows_as_csv(review_rows(30)))
    with pytest.raises(DataError, match=r"compressed: unpack it first \(e\.g\. gunzip reviews\.csv\.gz\)"):
        load_table(path)
