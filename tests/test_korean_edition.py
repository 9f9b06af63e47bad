"""The Korean edition (notebooks/ko/) cannot drift from the English one.

- Every ``notebooks/NN_x.ipynb`` has a twin ``notebooks/ko/NN_x.ipynb`` (same file name) and vice versa.
- Each pair's code cells are the same code: same number of code cells, same tags, and equal token streams
  once comments are dropped and every string literal (f-strings included, on every Python version) is
  replaced by one placeholder. Only comments and strings (printed sentences, plot titles, labels) may be
  translated, and a ``lang="ko"`` keyword may be added (``exercises.load("04", lang="ko")``). IPython magics
  (``%matplotlib inline``) must match exactly.
- The top of every notebook names the book section it follows, in the convention of notebooks/GLOSSARY.md:
  ``Book: *Deep Learning from Scratch 2*, section 4.1`` (English) and ``교재: 밑바닥부터 시작하는 딥러닝 2,
  4.1절`` (Korean), with the same section numbers in both editions.
- Korean notebooks load their exercises with ``lang="ko"`` (so verdicts, hints and solutions are Korean).

While notebooks/ko/ does not exist, the pair tests skip (the edition is not written yet); the comparison
function itself is always tested.
"""
from __future__ import annotations

import io
import json
import keyword
import re
import token
import tokenize
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KO = NOTEBOOKS / "ko"
GLOSSARY = NOTEBOOKS / "GLOSSARY.md"

STRING = "<str>"
#: Cell magics whose body is Python (compared as code); any other cell magic's body is compared verbatim.
PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun"}
_SKIP = {token.NL, token.ENCODING, token.ENDMARKER, token.COMMENT}
# f-strings (Python 3.12+) and t-strings (3.14+) arrive as START ... END with code and text in between.
_OPEN = {getattr(token, n) for n in ("FSTRING_START", "TSTRING_START") if hasattr(token, n)}
_CLOSE = {getattr(token, n) for n in ("FSTRING_END", "TSTRING_END") if hasattr(token, n)}

EN_BOOK = re.compile(r"^\W*Book:\W.*Deep Learning from Scratch 2.*$", re.MULTILINE)
KO_BOOK = re.compile(r"^\W*교재:.*밑바닥부터 시작하는 딥러닝 2.*절.*$", re.MULTILINE)
SECTION = re.compile(r"(?<![\d.])\d\.\d+(?:\.\d+)?(?![\d.]*\d)")


# ---- the comparison -------------------------------------------------------------------------------

def code_tokens(source: str) -> list[tuple[str, str, int]]:
    """The tokens that make up the *code* of a cell: ``(kind, text, line)``, comments dropped, each string
    literal (a run of adjacent ones, f-strings whole) replaced by one placeholder.

    Line magics (``%matplotlib inline``, ``!pip list``) tokenize as operators and names, so they are
    compared like code. A cell magic's first line is compared verbatim, and so is its body unless it is
    Python (``%%time``). A cell that still does not tokenize is compared verbatim (one token).
    """
    out: list[tuple[str, str, int]] = []
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].strip()
        out.append(("MAGIC", magic, 1))
        if magic[2:].split(maxsplit=1)[0] not in PYTHON_CELL_MAGICS:
            return out + [("RAW", "\n".join(lines[1:]).strip(), 2)]
        source = "\n".join([""] + lines[1:])  # keep the line numbers
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(source + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return [("RAW", source.strip(), 1)]
    depth = 0
    for tok in toks:
        if tok.type in _OPEN:
            if depth == 0:
                _add_string(out, tok.start[0])
            depth += 1
        elif tok.type in _CLOSE:
            depth -= 1
        elif depth or tok.type in _SKIP or (tok.type == token.ERRORTOKEN and not tok.string.strip()):
            continue
        elif tok.type == token.STRING:
            _add_string(out, tok.start[0])
        else:
            out.append((token.tok_name[tok.type], tok.string, tok.start[0]))
    return _drop_lang(_unwrap_strings(out))


def _drop_lang(out):
    """``load("04")`` and ``load("04", lang="ko")`` are the same code: the ``lang=`` keyword only picks the
    language (like a string), so ``, lang=<str>`` is set aside wherever it appears, and so is a first
    ``lang=<str>`` right after the opening parenthesis (``res.table()`` and ``res.table(lang="ko")``), with
    the comma after it when more arguments follow."""
    def is_lang(j):
        return (j + 2 < len(out) and out[j][:2] == ("NAME", "lang") and out[j + 1][:2] == ("OP", "=")
                and out[j + 2][0] == "STRING")

    res = []
    i = 0
    while i < len(out):
        if out[i][:2] == ("OP", ",") and is_lang(i + 1):
            i += 4
            continue
        if out[i][:2] == ("OP", "(") and is_lang(i + 1):
            res.append(out[i])
            i += 4
            if i < len(out) and out[i][:2] == ("OP", ","):
                i += 1
            continue
        res.append(out[i])
        i += 1
    return res


def _unwrap_strings(out):
    """``("a long " "sentence")`` and ``"한 문장"`` are the same code: drop grouping parentheses around one
    string (not the parentheses of a call such as ``print("...")``)."""
    res: list[tuple[str, str, int]] = []
    i = 0
    while i < len(out):
        prev = res[-1] if res else None
        is_call = prev is not None and ((prev[0] == "NAME" and not keyword.iskeyword(prev[1]))
                                        or prev[1] in (")", "]") or prev[0] == "STRING")
        if (out[i][:2] == ("OP", "(") and i + 2 < len(out) and out[i + 1][0] == "STRING"
                and out[i + 2][:2] == ("OP", ")") and not is_call):
            _add_string(res, out[i + 1][2])
            i += 3
            continue
        res.append(out[i])
        i += 1
    return res


def _add_string(out, line):
    if out and out[-1][0] == "STRING":  # adjacent literals ("a" "b") are one literal
        return
    out.append(("STRING", STRING, line))


def code_difference(en: str, ko: str) -> str | None:
    """None when two cells are the same code (comments and strings aside), else where they first differ."""
    a, b = code_tokens(en), code_tokens(ko)
    for x, y in zip(a, b):
        if x[:2] != y[:2]:
            return (f"English line {x[2]}: {_line(en, x[2])!r} vs Korean line {y[2]}: {_line(ko, y[2])!r} "
                    f"({x[1]!r} != {y[1]!r})")
    if len(a) != len(b):
        longer, src, which = (a, en, "English") if len(a) > len(b) else (b, ko, "Korean")
        extra = longer[min(len(a), len(b))]
        return f"the {which} cell goes on at line {extra[2]}: {_line(src, extra[2])!r}"
    return None


def _line(source: str, n: int) -> str:
    lines = source.splitlines()
    return lines[n - 1].strip() if 0 < n <= len(lines) else ""


# ---- the notebooks --------------------------------------------------------------------------------

def read_cells(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = []
    for c in nb["cells"]:
        src = c.get("source", "")
        cells.append({"type": c["cell_type"], "source": "".join(src) if isinstance(src, list) else src,
                      "tags": sorted(c.get("metadata", {}).get("tags", []))})
    return cells


def english() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def korean() -> list[Path]:
    return sorted(KO.glob("[0-9][0-9]_*.ipynb"))


needs_ko = pytest.mark.skipif(not KO.is_dir(), reason="notebooks/ko/ does not exist yet (the Korean edition)")
PAIRS = [(p, KO / p.name) for p in english()]
IDS = [p.stem for p, _ in PAIRS]


@needs_ko
def test_every_notebook_has_a_twin_with_the_same_name():
    en = {p.name for p in english()}
    ko = {p.name for p in korean()}
    assert ko, "notebooks/ko/ exists but holds no notebook"
    assert not en - ko, f"English notebooks without a Korean twin in notebooks/ko/: {sorted(en - ko)}"
    assert not ko - en, f"Korean notebooks without an English original in notebooks/: {sorted(ko - en)}"


@needs_ko
@pytest.mark.parametrize("en,ko", PAIRS, ids=IDS)
def test_code_cells_are_the_same_code(en, ko):
    if not ko.is_file():
        pytest.fail(f"{ko.relative_to(NOTEBOOKS)} is missing")
    a = [c for c in read_cells(en) if c["type"] == "code"]
    b = [c for c in read_cells(ko) if c["type"] == "code"]
    assert len(a) == len(b), f"{en.name}: {len(a)} code cells in English, {len(b)} in Korean"
    for i, (x, y) in enumerate(zip(a, b), 1):
        assert x["tags"] == y["tags"], f"{en.name}, code cell {i}: tags {x['tags']} (en) vs {y['tags']} (ko)"
        diff = code_difference(x["source"], y["source"])
        assert diff is None, (f"{en.name}, code cell {i}: the Korean code differs (only comments and strings "
                              f"may be translated): {diff}")


def first_markdown(path: Path) -> str:
    return next((c["source"] for c in read_cells(path) if c["type"] == "markdown"), "")


def sections(line: str) -> set[str]:
    return set(SECTION.findall(line))


@needs_ko
@pytest.mark.parametrize("path", english(), ids=lambda p: p.stem)
def test_english_notebook_names_its_book_section_at_the_top(path):
    m = EN_BOOK.search(first_markdown(path))
    assert m and sections(m.group()), (f"{path.name}: the first markdown cell needs a line like "
                                       "'Book: *Deep Learning from Scratch 2*, section 4.1' (see notebooks/GLOSSARY.md)")


@needs_ko
@pytest.mark.parametrize("en,ko", PAIRS, ids=IDS)
def test_korean_notebook_names_the_same_book_section_at_the_top(en, ko):
    if not ko.is_file():
        pytest.skip("no Korean twin (reported by the twin test)")
    m = KO_BOOK.search(first_markdown(ko))
    assert m and sections(m.group()), (f"ko/{ko.name}: the first markdown cell needs a line like "
                                       "'교재: 밑바닥부터 시작하는 딥러닝 2, 4.1절' (see notebooks/GLOSSARY.md)")
    e = EN_BOOK.search(first_markdown(en))
    if e:
        assert sections(m.group()) == sections(e.group()), (
            f"{ko.name}: sections {sorted(sections(m.group()))} (ko) vs {sorted(sections(e.group()))} (en)")


EXERCISE_LOAD = re.compile(r"exercises\.load\(([^)]*)\)")


@needs_ko
@pytest.mark.parametrize("path", korean(), ids=lambda p: p.stem)
def test_korean_notebook_shows_its_exercises_in_korean(path):
    calls = [m.group(1) for c in read_cells(path) if c["type"] == "code"
             for m in EXERCISE_LOAD.finditer(c["source"])]
    wrong = [args for args in calls if not re.search(r"lang\s*=\s*['\"]ko['\"]", args)]
    assert not wrong, f"ko/{path.name}: load the exercises with lang=\"ko\", not ({wrong[0]})"


def test_the_glossary_states_the_section_line_convention():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert EN_BOOK.search(text) and KO_BOOK.search(text), "GLOSSARY.md must show both section lines"


# ---- the comparison function itself ---------------------------------------------------------------

EN_CELL = '''\
%matplotlib inline
# Train the model and report the loss
losses = train(model, epochs=EPOCHS)          # one entry per epoch
print(f"final loss {losses[-1]:.4f} after {EPOCHS} epochs")
ax.set_title("Loss per epoch"); ax.set_xlabel("epoch")
q1, q2 = w2vlib.exercises.load("04", lang="en")
msg = ("a long sentence "
       "split in two")
'''
KO_CELL = '''\
%matplotlib inline
# 모델을 학습하고 손실을 보고합니다
losses = train(model, epochs=EPOCHS)          # 에폭마다 하나
print(f"{EPOCHS} 에폭 뒤 최종 손실 {losses[-1]:.4f}")
ax.set_title("에폭별 손실"); ax.set_xlabel("에폭 (epoch)")
q1, q2 = w2vlib.exercises.load("04", lang="ko")
msg = "한 줄로 합친 긴 문장"
'''


def test_comparison_accepts_a_pair_that_differs_only_in_strings_and_comments():
    assert code_difference(EN_CELL, KO_CELL) is None


@pytest.mark.parametrize("change,expect", [
    (("epochs=EPOCHS", "epochs=EPOCHS + 1"), "+"),
    (("losses[-1]:.4f}\")", "losses[-1]:.4f}\", losses)"), "losses"),
    (("ax.set_xlabel", "ax.set_ylabel"), "set_ylabel"),
    (("%matplotlib inline", "%matplotlib notebook"), "notebook"),
    (('load("04", lang="ko")', 'load("04", "ko")'), "lang"),
])
def test_comparison_refuses_a_code_change(change, expect):
    old, new = change
    assert old in KO_CELL
    diff = code_difference(EN_CELL, KO_CELL.replace(old, new))
    assert diff is not None and expect in diff


def test_comparison_allows_the_language_keyword():
    assert code_difference('qs = w2vlib.exercises.load("04")\n', 'qs = w2vlib.exercises.load("04", lang="ko")\n') is None
    assert code_difference('qs = load("04", lang="en")\n', 'qs = load("04", lang="ko")\n') is None
    assert code_difference('qs = load("04")\n', 'qs = load("04", "ko")\n') is not None
    assert code_difference("print(res.table())\n", 'print(res.table(lang="ko"))\n') is None
    assert code_difference("draw(k=K)\n", 'draw(lang="ko", k=K)\n') is None
    assert code_difference('draw(lang="en")\n', 'draw(lang="ko")\n') is None
    assert code_difference("draw(k=K)\n", 'draw(lang="ko", j=K)\n') is not None
    assert code_difference("draw()\n", "draw(lang=LANG)\n") is not None  # only a literal is set aside


def test_comparison_refuses_extra_or_missing_code():
    assert "goes on" in code_difference(EN_CELL, KO_CELL + "plt.show()\n")
    assert "goes on" in code_difference(EN_CELL + "plt.show()\n", KO_CELL)


def test_comparison_sees_indentation_and_numbers():
    en = "for i in range(3):\n    total += i\n"
    assert code_difference(en, "for i in range(3):\n    total += i  # 합계\n") is None
    assert code_difference(en, "for i in range(4):\n    total += i\n") is not None
    assert code_difference(en, "for i in range(3):\n    pass\ntotal += i\n") is not None


def test_comparison_handles_cell_magics_and_non_python_cells():
    assert code_difference("%%time\nx = f('a')\n", "%%time\nx = f('가')  # 시간\n") is None
    assert code_difference("%%time\nx = f('a')\n", "%%time\ny = f('a')\n") is not None
    assert code_difference("%%bash\necho hello\n", "%%bash\necho 안녕\n") is not None  # not Python: verbatim
    assert code_difference("!pip list\nx = 1\n", "!pip list\nx = 1  # 하나\n") is None
    assert code_difference("x = np.add.at?\n", "x = np.add.at?\n") is None  # not Python: verbatim, equal


def test_section_numbers_are_read_from_both_conventions():
    assert sections("Book: *Deep Learning from Scratch 2*, sections 4.2.1–4.2.4") == {"4.2.1", "4.2.4"}
    assert sections("교재: 밑바닥부터 시작하는 딥러닝 2, 4.2.1~4.2.4절") == {"4.2.1", "4.2.4"}
    assert EN_BOOK.search("# 01. Title\n\nBook: *Deep Learning from Scratch 2*, section 4.1\n")
    assert KO_BOOK.search("# 01. 제목\n\n교재: 밑바닥부터 시작하는 딥러닝 2, 4.1절\n")
    assert not EN_BOOK.search("# 01. Title\n\nChapter 4 of the book\n")


# ---- README.ko.md -----------------------------------------------------------------------------------

def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, flags=re.DOTALL)]


def test_korean_readme_has_the_same_two_commands_and_the_readmes_link_each_other():
    root = NOTEBOOKS.parent
    en, ko = (root / "README.md").read_text(encoding="utf-8"), (root / "README.ko.md").read_text(encoding="utf-8")
    setup, tests = _bash_blocks(en)[:2]
    assert "pip install" in setup and "pytest" in tests
    assert setup in _bash_blocks(ko) and tests in _bash_blocks(ko), "README.ko.md must carry both commands verbatim"
    assert "(README.ko.md)" in en.split("\n## ", 1)[0], "the English README links to README.ko.md near the top"
    assert "(README.md)" in ko.split("\n## ", 1)[0], "README.ko.md links back to README.md near the top"


# ---- the exercises speak Korean -----------------------------------------------------------------------

def test_exercise_verdicts_hints_and_solutions_are_shown_in_korean(capsys):
    from w2vlib.exercises import Exercise, NotYet, tr

    def checker(answer):
        if answer == "boom":
            raise ValueError("bad")
        if answer != 42:
            raise NotYet(tr("the answer is a number", "답은 숫자입니다"))

    ex = Exercise(tr("Question 1", "문제 1"), checker, tr("42", "42 (풀이)"), tr("think", "생각해 보세요")).in_language("ko")
    assert ex.verdict(...) == "문제 1: 아직 풀지 않았습니다."
    assert ex.verdict(7) == "문제 1: 아직 정답이 아닙니다. 답은 숫자입니다."
    assert ex.verdict("boom") == "문제 1: 아직 정답이 아닙니다. 답을 실행하는 중 오류가 났습니다(ValueError: bad)."
    assert ex.verdict(42) == "문제 1: 정답입니다." and ex.passes(42) and not ex.passes(7)
    ex.hint()
    ex.solution()
    assert capsys.readouterr().out == "힌트 (문제 1): 생각해 보세요\n풀이 (문제 1):\n42 (풀이)\n"


# ---- the glossary's notebook table --------------------------------------------------------------------

def glossary_rows() -> dict[str, list[str]]:
    """The "notebook ↔ book section" table of GLOSSARY.md: {"01": [cells...]}."""
    rows = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and re.fullmatch(r"\d\d", cells[0]) and cells[1].startswith("`"):
            rows[cells[0]] = cells
    return rows


def test_glossary_lists_every_notebook_with_its_sections_in_both_languages():
    rows = glossary_rows()
    missing = [p.name for p in english() if p.name[:2] not in rows]
    assert not missing, f"GLOSSARY.md's notebook table has no row for {missing}"
    for nn, cells in rows.items():
        assert sections(cells[2]) and sections(cells[2]) == sections(cells[3]), f"GLOSSARY row {nn}: {cells[2:4]}"


@pytest.mark.parametrize("path", english(), ids=lambda p: p.stem)
def test_glossary_and_notebook_name_the_same_sections(path):
    m = EN_BOOK.search(first_markdown(path))
    if not m:
        pytest.skip("no Book line yet (required once notebooks/ko/ exists)")
    row = glossary_rows().get(path.name[:2])
    assert row, f"GLOSSARY.md has no row for {path.name}"
    assert sections(m.group()) == sections(row[2]), (
        f"{path.name} names sections {sorted(sections(m.group()))}, GLOSSARY.md {sorted(sections(row[2]))}")
