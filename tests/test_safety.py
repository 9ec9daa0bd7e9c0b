"""Nothing runs code from a checkpoint, and nothing is pickled."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("src/helpers/*.py"), *ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("scripts/*.py"), *ROOT.glob("bench/*.py")]


def test_no_trust_remote_code_and_no_pickle_anywhere():
    assert len(SOURCES) > 10
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        assert "trust_remote_code" not in text, path
        assert "import pickle" not in text and "pickle.dump" not in text and "torch.save(" not in text, path
