"""Text for both editions: widths on screen, aligned tables and Korean particles.

One owner for how the package and the notebooks *render* text:

- :func:`display_width` — how many terminal columns a string takes (Hangul and other East Asian wide
  characters take two), by ``wcwidth``;
- :func:`pad` and :func:`format_table` — alignment by that width, so a table with Korean headers
  lines up in a notebook's output;
- :func:`josa` — a Korean particle (조사) chosen from the sound a printed value ends with:
  ``josa(10, "와/과") == "10과"`` (십), ``josa(5, "을/를") == "5를"`` (오), ``josa("50%", "이/가") ==
  "50%가"`` (퍼센트). Digits are read the Sino-Korean way (일, 이, 삼, ..., 십, 백, 천, 만, 억), Latin
  letters by their names (k = 케이, n = 엔, l = 엘), Hangul by its last syllable. A value whose ending
  cannot be read (an empty string, a Chinese character, ...) gets the neutral form, ``"이(가)"``.

``LANGS`` lists the two editions' language codes; :func:`check_lang` refuses any other.
"""
from __future__ import annotations

import numbers

from wcwidth import wcwidth

__all__ = ["LANGS", "check_lang", "display_width", "pad", "format_table", "josa", "PARTICLES"]

LANGS = ("en", "ko")


def check_lang(lang: str) -> str:
    """``lang`` itself if it is ``"en"`` or ``"ko"``; otherwise a ValueError that says which are known."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS} (English or Korean edition), got {lang!r}")
    return lang


# ---- widths and tables -----------------------------------------------------------------------------

def display_width(s) -> int:
    """Columns ``str(s)`` takes in a monospaced output: 2 per wide character (Hangul, CJK), 0 for
    combining marks and control characters, 1 otherwise."""
    return sum(max(wcwidth(ch), 0) for ch in str(s))


def pad(s, width: int, align: str = "<") -> str:
    """``str(s)`` padded with spaces to ``width`` display columns: ``align`` is ``"<"`` (left),
    ``">"`` (right) or ``"^"`` (centre, extra space on the right). A longer string is returned whole."""
    s = str(s)
    if align not in ("<", ">", "^"):
        raise ValueError(f'align must be "<", ">" or "^", got {align!r}')
    room = width - display_width(s)
    if room <= 0:
        return s
    if align == "<":
        return s + " " * room
    if align == ">":
        return " " * room + s
    left = room // 2
    return " " * left + s + " " * (room - left)


def _is_number(x) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, numbers.Number):
        return True
    try:
        float(str(x).replace(",", "").rstrip("%x×"))
        return True
    except ValueError:
        return False


def format_table(headers, rows, align=None, sep: str = "  ") -> str:
    """A plain-text table aligned by display width: the header, a rule, the rows.

    ``rows`` is a sequence of sequences (cells are shown with ``str``; format numbers first, e.g.
    ``f"{acc:.4f}"``); a row that is ``None`` draws a rule there (before a total row, say).
    ``align`` gives one of ``"<" ">" "^"`` per column (a string such as ``"<>>"`` or a list); by
    default a column whose cells are all numbers is right-aligned and any other left-aligned.
    Trailing spaces are stripped from every line.
    """
    headers = [str(h) for h in headers]
    n = len(headers)
    body = []
    for i, r in enumerate(rows):
        if r is None:
            body.append(None)
            continue
        r = list(r)
        if len(r) != n:
            raise ValueError(f"row {i} has {len(r)} cells, the header has {n}: {r!r}")
        body.append(r)
    cells = [r for r in body if r is not None]
    if align is None:
        align = [">" if cells and all(_is_number(r[j]) for r in cells) else "<" for j in range(n)]
    align = list(align)
    if len(align) != n:
        raise ValueError(f"align has {len(align)} entries for {n} columns")
    widths = [max([display_width(headers[j])] + [display_width(r[j]) for r in cells]) for j in range(n)]

    def line(values):
        return sep.join(pad(v, w, a) for v, w, a in zip(values, widths, align)).rstrip()

    rule = "-" * (sum(widths) + len(sep) * (n - 1))
    out = [line(headers), rule]
    out += [rule if r is None else line([str(c) for c in r]) for r in body]
    return "\n".join(out)


# ---- Korean particles --------------------------------------------------------------------------------

# the final consonant (받침) of a reading: None = ends in a vowel, "ㄹ", or "other"
_V, _L, _C = None, "ㄹ", "other"
# Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구
_DIGIT = {"0": _C, "1": _L, "2": _V, "3": _C, "4": _V, "5": _V, "6": _C, "7": _L, "8": _L, "9": _V}
# Latin letters by their Korean names: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스
# 티 유 브이 더블유 엑스 와이 제트
_LETTER = {c: _V for c in "abcdefghijkopqstuvwxyz"} | {"l": _L, "m": _C, "n": _C, "r": _L, "z": _V}
# symbols that end a value and are read aloud
_SYMBOL = {"%": _V,   # 퍼센트
           "×": _V,   # 배 ("10×" is 십 배)
           "α": _V, "β": _V, "γ": _V, "δ": _V, "ε": _C, "η": _V, "θ": _V, "λ": _V, "μ": _V, "π": _V,
           "σ": _V, "τ": _V, "φ": _V, "ω": _V,   # 알파 베타 감마 델타 엡실론 에타 세타 람다 뮤 파이 시그마 타우 파이 오메가
           "²": _V, "³": _V}   # 제곱, 세제곱
# read past these at the end of a value: brackets, quotes, spaces, sentence marks
_SILENT = set(" \t\n)]}>'\"`’”.,!?:;…」』")
# large units by number of trailing zeros of an integer: 십 백 천 만 ... 억 ... 조 ... 경
_ZEROS = {1: _C, 2: _C, 3: _C}   # 십 (ㅂ), 백 (ㄱ), 천 (ㄴ)


def _zeros_unit(z: int):
    if z in _ZEROS:
        return _ZEROS[z]
    if 4 <= z < 8:
        return _C      # 만, 십만, 백만, 천만
    if 8 <= z < 12:
        return _C      # 억 ...
    if 12 <= z < 16:
        return _V      # 조 ...
    return _C          # 경 ...


def _english_word_end(word: str):
    """The final sound of an English word as Korean writes it (a rule of thumb: "cat" 캣, "model" 모델,
    "word" 워드, "say" 세이)."""
    w = word.lower()
    if w.endswith("ng") or w[-1] in "mn":
        return _C
    if w[-1] == "l":
        return _L
    if w[-1] in "bckpt":   # "job" 잡, "word2vec" 벡, "book" 북, "stop" 스톱, "cat" 캣
        return _C
    return _V


def _final_sound(text: str):
    """(found, sound) for the end of ``text``; sound is None (vowel), "ㄹ" or "other"."""
    s = text.rstrip()
    while s and s[-1] in _SILENT:
        s = s[:-1]
    if not s:
        return False, None
    ch = s[-1]
    if "가" <= ch <= "힣":
        jong = (ord(ch) - 0xAC00) % 28
        return True, _V if jong == 0 else (_L if jong == 8 else _C)
    if ch.isdigit() and ch.isascii():
        num = s
        i = len(num)
        while i > 0 and (num[i - 1].isdigit() and num[i - 1].isascii() or num[i - 1] == ","):
            i -= 1
        digits = num[i:].replace(",", "")
        decimal = i > 0 and num[i - 1] == "."
        if decimal or digits[-1] != "0" or set(digits) == {"0"}:
            return True, _DIGIT[digits[-1]]
        z = len(digits) - len(digits.rstrip("0"))
        return True, _zeros_unit(z)
    if ch in _SYMBOL:
        return True, _SYMBOL[ch]
    if ch.isascii() and ch.isalpha():
        i = len(s)
        while i > 0 and s[i - 1].isascii() and s[i - 1].isalpha():
            i -= 1
        word = s[i:]
        if len(word) == 1 or word.isupper():  # a letter or an acronym: read by letter names (CBOW 씨보우 ...)
            return True, _LETTER[word[-1].lower()]
        return True, _english_word_end(word)
    return False, None


#: the particles josa knows: (form after a consonant, form after a vowel); ㄹ takes the vowel form of 으로/로
PARTICLES = {
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이다/다": ("이다", "다"),
    "이나/나": ("이나", "나"),
    "이라고/라고": ("이라고", "라고"),
    "이에요/예요": ("이에요", "예요"),
}
# what to write when the ending cannot be read (both forms shown, the usual way)
_NEUTRAL = {"이/가": "이(가)", "은/는": "은(는)", "을/를": "을(를)", "과/와": "와(과)", "으로/로": "(으)로",
            "이다/다": "(이)다", "이나/나": "(이)나", "이라고/라고": "(이)라고", "이에요/예요": "(이)에요"}
_ALIASES = {}
for _key, (_a, _b) in PARTICLES.items():
    for _form in (f"{_a}/{_b}", f"{_b}/{_a}", f"{_a}({_b})", f"{_b}({_a})", _a, _b):
        _ALIASES.setdefault(_form, _key)
_ALIASES.update({"로/으로": "으로/로", "(으)로": "으로/로", "으로": "으로/로", "로": "으로/로"})


def josa(value, particle: str) -> str:
    """``value`` as text followed by the form of ``particle`` its last sound takes.

    ``particle`` names a pair, in either order or as one of its forms: ``"이/가"``, ``"은/는"``,
    ``"을/를"``, ``"와/과"``, ``"으로/로"`` (and ``"이다/다"``, ``"이나/나"``, ``"이라고/라고"``).
    Numbers are read the Sino-Korean way (``10`` 십, ``1000`` 천, ``0.5`` 영점오, ``3`` 삼), ``%`` as
    퍼센트, Latin letters by name; a ``ㄹ`` ending takes ``로``. When the ending cannot be read the
    neutral form is returned, e.g. ``"이(가)"``.

    >>> josa(10, "와/과"), josa("k = 3", "이/가"), josa(5, "을/를"), josa("50%", "이/가"), josa(1, "으로/로")
    ('10과', 'k = 3이', '5를', '50%가', '1로')
    """
    key = _ALIASES.get(particle)
    if key is None:
        raise ValueError(f"josa does not know the particle {particle!r}; known: {', '.join(PARTICLES)}")
    after_consonant, after_vowel = PARTICLES[key]
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:  # a numpy scalar prints as its number
        value = value.item()
    text = str(value)
    found, sound = _final_sound(text)
    if not found:
        return text + _NEUTRAL[key]
    if sound is None or (sound == _L and key == "으로/로"):
        return text + after_vowel
    return text + after_consonant
