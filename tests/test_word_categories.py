"""data/word_categories.tsv: the labelled words of notebook 08 (transfer learning)."""
from collections import Counter
from pathlib import Path


PATH = Path(__file__).resolve().parents[1] / "data" / "word_categories.tsv"


def read_rows():
    rows = []
    for lineno, line in enumerate(PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 2, f"line {lineno}: expected word<TAB>category, got {line!r}"
        rows.append((lineno, *fields))
    return rows


def test_format_and_balance():
    rows = read_rows()
    words = [w for _, w, _ in rows]
    for lineno, w, c in rows:
        assert w and w == w.strip() and w == w.lower() and " " not in w, f"line {lineno}: bad word {w!r}"
        assert c and c == c.strip() and c.isidentifier(), f"line {lineno}: bad category {c!r}"
    dups = [w for w, n in Counter(words).items() if n > 1]
    assert not dups, f"words listed twice: {dups}"
    sizes = Counter(c for _, _, c in rows)
    assert 5 <= len(sizes) <= 10, sizes
    assert min(sizes.values()) >= 20, f"every category needs enough words for a train/test split: {sizes}"
    assert 150 <= len(rows) <= 400


def test_every_word_is_in_ptb_vocabulary(ptb_dir):
    text = (Path(ptb_dir) / "ptb.train.txt").read_text(encoding="utf-8")
    vocab = set(text.split())
    missing = [(lineno, w) for lineno, w, _ in read_rows() if w not in vocab]
    assert not missing, f"not in PTB's vocabulary: {missing}"
