"""Self-checking exercises for the notebooks, in the Kaggle Learn way.

Each notebook ends with exercises.  The committed cell is a stub (``answer = ...`` or a function whose body
is ``...``); the student replaces it and calls ``check``::

    q1, q2, q3 = w2vlib.exercises.load("04")          # lang="ko" for the Korean edition
    answer = ...                                        # your answer here
    q1.check(answer)     # prints "not attempted", "not yet: <why>" or "correct"; never raises
    q1.hint()            # a nudge
    q1.solution()        # the reference solution

Solutions live here, in the package (``w2vlib/exercises/nbNN.py``), not in the notebook's cells.  A later
cell that needs an exercise's result calls ``q1.answer_or_reference(answer, ...)``: the student's answer when
it passes the check, else the reference, so Restart & Run All always works on a committed, unsolved notebook.

Writing a new exercise: subclass nothing; build an :class:`Exercise` with a ``checker(answer, **context)``
that returns ``None`` (or a short string shown after "correct: ") when the answer is right and raises
:class:`NotYet` with the specific reason when it is wrong.  Texts are plain strings (English) or
:func:`tr` pairs with a Korean translation.
"""
from __future__ import annotations

import importlib
import traceback
from dataclasses import dataclass, field, replace
from typing import Any, Callable

__all__ = ["Exercise", "NotYet", "tr", "load", "is_stub", "VERDICTS", "judge_slopes", "last_digit",
           "rounds_to", "finite_number"]

LANGS = ("en", "ko")

#: The three verdict openings, per language.  English ones follow Kaggle Learn's learntools ("Incorrect: …"
#: labels); Korean ones are whole 합니다체 sentences, and the reason that follows is a sentence of its own.
VERDICTS = {
    "en": {"unattempted": "not attempted", "wrong": "not yet", "correct": "correct",
           "raised": "your answer raised", "hint": "Hint", "solution": "Solution",
           "no_hint": "no hint for this one: re-read the section above."},
    "ko": {"unattempted": "아직 풀지 않았습니다.", "wrong": "아직 정답이 아닙니다.",
           "correct": "정답입니다.", "raised": "답을 실행하는 중 오류가 났습니다",
           "hint": "힌트", "solution": "풀이",
           "no_hint": "이 문제에는 힌트가 없습니다. 위 절을 다시 읽어 보세요."},
}


def tr(en: str, ko: str | None = None) -> dict[str, str]:
    """A text in both editions (Korean falls back to English when not given)."""
    return {"en": en, "ko": ko if ko is not None else en}


def _text(text: Any, lang: str) -> str:
    if isinstance(text, dict):
        return text.get(lang) or text["en"]
    return str(text)


class NotYet(Exception):
    """Raised by a checker: the answer is wrong, and ``reason`` says why (a str or a :func:`tr` pair)."""

    def __init__(self, reason: Any):
        super().__init__(_text(reason, "en"))
        self.reason = reason


def _code_key(code) -> tuple:
    """Bytecode plus its constants (any docstring counted as one "str"): what makes a body a stub."""
    return code.co_code, tuple("str" if isinstance(c, str) else repr(c) for c in code.co_consts)


def _stub_codes() -> set[tuple]:
    def stub():
        ...

    def documented_stub():
        """A docstring, then nothing."""
        ...

    def pass_stub():
        pass

    return {_code_key(f.__code__) for f in (stub, documented_stub, pass_stub)}


_STUB_CODES = _stub_codes()


def is_stub(answer: Any) -> bool:
    """True for ``...``, ``None``, a function whose body is only ``...`` / ``pass`` (and a docstring), and a
    class whose own methods are all such stubs (or that defines none: ``class MyLayer: ...``)."""
    if answer is Ellipsis or answer is None:
        return True
    if isinstance(answer, type):
        own = [v for v in vars(answer).values() if getattr(v, "__code__", None) is not None]
        return all(is_stub(f) for f in own)
    code = getattr(answer, "__code__", None)
    return code is not None and _code_key(code) in _STUB_CODES


@dataclass(frozen=True)
class Exercise:
    """One exercise: a checker, a hint and a reference solution, shown in one language.

    ``checker(answer, **context)`` returns None or a short note when right, raises :class:`NotYet` when wrong.
    ``reference(**context)`` returns the reference answer (a value or a function); ``solution`` is the text
    shown by :meth:`solution` (for code, the reference's source).
    """

    name: Any  # a str or a tr() pair
    checker: Callable[..., Any]
    solution_text: Any
    hint_text: Any = None
    reference: Callable[..., Any] | None = None
    lang: str = "en"
    extra: dict = field(default_factory=dict)

    def _v(self, key: str) -> str:
        return VERDICTS[self.lang][key]

    @property
    def title(self) -> str:
        return _text(self.name, self.lang)

    def _line(self, key: str, detail: str = "") -> str:
        """``title: label: detail`` in English; ``title: 문장. 이유 문장.`` in Korean."""
        head = f"{self.title}: {self._v(key)}"
        if not detail:
            return head
        if self.lang == "en":
            return f"{head}: {detail}"
        detail = detail.strip()
        return f"{head} {detail}" if detail.endswith((".", "?", "!", ":")) else f"{head} {detail}."

    def verdict(self, answer: Any = ..., **context: Any) -> str:
        """The verdict as a string (what :meth:`check` prints).  Never raises."""
        if is_stub(answer):
            return self._line("unattempted")
        try:
            note = self.checker(answer, **context)
        except NotYet as wrong:
            return self._line("wrong", _text(wrong.reason, self.lang))
        except Exception as err:  # the student's code failed: say so, never raise
            last = traceback.format_exception_only(type(err), err)[-1].strip()
            if self.lang == "en":
                return f"{self.title}: {self._v('wrong')}: {self._v('raised')} {last}"
            return f"{self.title}: {self._v('wrong')} {self._v('raised')}({last})."   # no ':' after a sentence
        return self._line("correct", _text(note, self.lang) if note else "")

    def check(self, answer: Any = ..., **context: Any) -> None:
        """Print the verdict: ``not attempted``, ``not yet: <reason>`` or ``correct``.  Never raises."""
        print(self.verdict(answer, **context))

    def passes(self, answer: Any = ..., **context: Any) -> bool:
        return self.verdict(answer, **context).startswith(f"{self.title}: {self._v('correct')}")

    def hint(self) -> None:
        print(f"{self._v('hint')} ({self.title}): {_text(self.hint_text, self.lang) if self.hint_text else self._v('no_hint')}")

    def solution(self) -> None:
        print(f"{self._v('solution')} ({self.title}):\n{_text(self.solution_text, self.lang)}")

    def answer_or_reference(self, answer: Any = ..., **context: Any) -> Any:
        """The student's answer when it passes the check, else the reference answer (for later cells)."""
        if not is_stub(answer) and self.passes(answer, **context):
            return answer
        if self.reference is None:
            raise ValueError(f"{self.title} has no reference answer")
        return self.reference(**context)

    def in_language(self, lang: str) -> "Exercise":
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
        return replace(self, lang=lang)


def load(notebook: str, lang: str = "en") -> tuple[Exercise, ...]:
    """The exercises of notebook ``notebook`` ("01" … "09"), in order, shown in ``lang`` ("en" or "ko")."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    key = str(notebook).zfill(2)[:2]
    try:
        module = importlib.import_module(f"{__name__}.nb{key}")
    except ModuleNotFoundError as err:
        raise ValueError(f"no exercises for notebook {notebook!r}") from err
    return tuple(ex.in_language(lang) for ex in module.EXERCISES)


def finite_number(answer: Any, what: Any) -> float:
    """``answer`` as one finite float, or :class:`NotYet` with the reason.

    The first step of every check of a numeric answer. A bool (``True`` is 1 to Python) and a NaN or an
    infinity are refused with reasons of their own; anything else that is not one number gets ``what`` (the
    exercise's own "give one number ..." text, a str or a :func:`tr` pair). A NaN must never reach a tolerance
    test: every comparison with it is False, so ``if abs(got - want) > tol: wrong`` would call it right.
    """
    import math

    import numpy as np

    if isinstance(answer, (bool, np.bool_)):
        raise NotYet(tr(f"give a number, not a truth value; got {bool(answer)}",
                        f"참/거짓 값이 아니라 숫자를 넣어 보세요. 받은 값은 {bool(answer)}입니다"))
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet(what) from None
    if not math.isfinite(got):
        raise NotYet(tr(f"give a finite number; got {got}", f"유한한 숫자를 넣어 보세요. 받은 값은 {got}입니다"))
    return got


def last_digit(x: float) -> tuple[float, int]:
    """The unit of the last digit ``x`` was written with, and its number of significant digits.

    Read from the shortest repr of the float: ``0.085`` -> (0.001, 2), ``3400`` -> (100, 2), ``3382`` -> (1, 4).
    A NaN or an infinity has no digits: (inf, 0).
    """
    import decimal
    import math

    if not math.isfinite(float(x)):
        return math.inf, 0
    d = decimal.Decimal(repr(float(x))).normalize()
    if d == 0:
        return 1.0, 1
    sign, digits, exponent = d.as_tuple()
    return 10.0 ** exponent, len(digits)


def rounds_to(got, want, rel: float = 1e-6) -> bool:
    """True when each of ``got`` equals ``want`` rounded to the digits it was written with.

    The one tolerance rule of the exercise checks: ``|got - want|`` is at most half a unit in the last digit
    given (``0.085`` accepts 0.0845 ... 0.0855), or within ``rel`` of ``want`` (an answer computed in full
    precision, perhaps in float32, has many digits). Coarseness is judged separately (:func:`last_digit`).
    A NaN or an infinity rounds to nothing: False.
    """
    import numpy as np

    got = np.atleast_1d(np.asarray(got, dtype=np.float64))
    want = np.broadcast_to(np.atleast_1d(np.asarray(want, dtype=np.float64)), got.shape)
    if not np.all(np.isfinite(got)):
        return False
    for g, w in zip(got.ravel(), want.ravel()):
        unit, _ = last_digit(g)
        if not (abs(g - w) <= 0.5 * unit * (1 + 1e-9) or abs(g - w) <= rel * abs(w) + 1e-15):
            return False
    return True


def judge_slopes(answer, theory: dict, why: dict, measure=None, sizes=None, *, knob: str, x=None,
                 min_range: float = 10.0, tolerance: float = 0.25, answer_name: str | None = None):
    """The checker of a "predict the log-log slopes, then measure" exercise.

    ``answer`` maps each name of ``theory`` to a predicted slope (a bare number when there is one name).
    Each prediction must be one finite number (:func:`finite_number`: a bool, a NaN or an infinity is refused
    before any tolerance test) and is judged against the slope the algorithm has (``theory``: 0 = flat,
    1 = proportional), within ``tolerance``; a wrong one raises :class:`NotYet` with ``why[name]``, the reason
    that piece costs what it costs. Only then, if ``measure`` is given, ``measure(size)`` (a dict name ->
    seconds) runs for every size in ``sizes`` and the fitted slopes are shown, so a prediction is always made
    before the measurement exists. ``x(size)`` is the abscissa of the fit (default: the size itself); ``knob``
    names the knob that holds ``sizes``; ``answer_name`` (one name only) is the variable the student fills
    in, named in the Korean message for an answer that is not a number.
    """
    from ..text import josa
    from ..timing import loglog_slope

    names = list(theory)
    if len(names) == 1 and not isinstance(answer, dict):
        answer = {names[0]: answer}
    if not isinstance(answer, dict) or set(answer) != set(names):
        raise NotYet(tr(f"give a dict with the keys {names}, each a predicted log-log slope (0 = flat, 1 = ∝)",
                        f"키가 {names}이고 값이 각각 예측한 로그-로그 기울기(0 = 평평함, 1 = 비례)인 dict로 답해 보세요"))
    for name in names:
        if len(names) == 1:
            into = f"{answer_name}에는 " if answer_name else ""
            not_a_number = tr(f"give the log-log slope in {name} as a number; got {answer[name]!r}",
                              f"{into}{name}에 대한 로그-로그 기울기를 숫자로 넣어 보세요. 받은 값은 {answer[name]!r}입니다")
        else:
            not_a_number = tr(f"give a number (a slope) for {name}, got {answer[name]!r}",
                              f"{name}에는 숫자(로그-로그 기울기)를 넣어 보세요. 받은 값은 {answer[name]!r}입니다")
        pred = finite_number(answer[name], not_a_number)
        if abs(pred - theory[name]) > tolerance:
            # one name: it is the abscissa ("in k + 1"); several: each is a part of the work ("of one-hot")
            where_en, where_ko = (f"in {name}", f"{name}에 대한") if len(names) == 1 else (f"of {name}", f"{name}의")
            raise NotYet(tr(f"the log-log slope {where_en} is not {pred:g}. " + _text(why[name], "en"),
                            f"{where_ko} 로그-로그 기울기는 {josa(f'{pred:g}', '이/가')} 아닙니다. "
                            + _text(why[name], "ko")))
    if measure is None:
        return tr("pass measure=... to see the measured slopes", "측정한 로그-로그 기울기를 보려면 measure=...를 넘겨 보세요")
    sizes = sorted(sizes)
    xs = [float(x(v) if x else v) for v in sizes]
    if len(xs) < 2 or xs[-1] < min_range * xs[0]:
        return tr(f"not measured (give {knob} a range of at least {min_range:g}x to fit slopes)",
                  f"측정은 하지 않았습니다. 로그-로그 기울기를 구하려면 {knob}의 범위를 {min_range:g}배 이상으로 해 보세요")
    runs = [measure(v) for v in sizes]
    slopes = {name: loglog_slope(xs, [r[name] for r in runs]) for name in names}
    off = [name for name in names if abs(slopes[name] - theory[name]) > 0.5]
    slopes = {name: round(slope, 2) + 0.0 for name, slope in slopes.items()}   # + 0.0: never print "-0.00"
    if len(names) == 1:
        name = names[0]
        note = tr(f"measured log-log slope in {name}: {slopes[name]:.2f}",
                  f"{name}에 대한 로그-로그 기울기를 측정하니 {slopes[name]:.2f}입니다")
    else:
        shown = ", ".join(f"{slopes[name]:.2f} for {name}" for name in names)
        shown_ko = ", ".join(f"{name} {slopes[name]:.2f}" for name in names)
        note = tr(f"measured log-log slopes: {shown}", f"측정한 로그-로그 기울기는 {shown_ko}입니다")
    if off:
        note = tr(note["en"] + f" ({', '.join(off)} far from the theory: a busy machine distorts timings; "
                               "run the cell again)",
                  note["ko"] + f" ({josa(', '.join(off), '은/는')} 이론과 차이가 큽니다. 컴퓨터가 바쁘면 시간 측정이 "
                               "흔들립니다. 셀을 다시 실행해 보세요)")
    return note
