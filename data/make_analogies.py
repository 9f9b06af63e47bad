"""Write data/analogies_ptb.txt: word analogy questions whose words are all in the PTB vocabulary.

The format is the one of Mikolov et al.'s ``questions-words.txt`` (Google format): a line
``: section`` starts a section, then each line ``a b c d`` asks "a is to b as c is to ?" with the
answer ``d``. Within a section every question combines two word pairs (a, b) and (c, d). Pairs are
combined in a fixed order (pair i with pair i+1, i+2, ... cyclically) up to ``PER_SECTION``
questions, so the file is the same on every run (no randomness).

Run from the repository root:  python data/make_analogies.py
With ``W2VLIB_PTB_DIR`` set (or network access) every word is checked against the PTB train
vocabulary first; ``tests/test_evaluation.py`` checks the same.

PTB is lower-cased, has digits replaced by ``N`` and rare words replaced by ``<unk>``, so the pairs
below were chosen by hand from words that occur in the 10,000-word vocabulary.
"""

from __future__ import annotations

import sys
from pathlib import Path

PER_SECTION = 40

SECTIONS: dict[str, list[tuple[str, str]]] = {
    "gender": [
        ("man", "woman"), ("men", "women"), ("he", "she"), ("his", "her"), ("himself", "herself"),
        ("king", "queen"), ("boy", "girl"), ("brother", "sister"), ("father", "mother"),
        ("son", "daughter"), ("sons", "daughters"), ("husband", "wife"), ("mr.", "mrs."),
        ("male", "female"), ("spokesman", "spokeswoman"), ("actor", "actress"),
    ],
    "capital-country": [
        ("tokyo", "japan"), ("paris", "france"), ("london", "britain"), ("bonn", "germany"),
        ("rome", "italy"), ("beijing", "china"), ("madrid", "spain"), ("stockholm", "sweden"),
        ("taipei", "taiwan"), ("seoul", "korea"), ("warsaw", "poland"), ("manila", "philippines"),
        ("cairo", "egypt"), ("moscow", "russia"),
    ],
    "country-nationality": [
        ("japan", "japanese"), ("china", "chinese"), ("britain", "british"), ("france", "french"),
        ("germany", "german"), ("italy", "italian"), ("canada", "canadian"), ("mexico", "mexican"),
        ("spain", "spanish"), ("russia", "russian"), ("america", "american"), ("india", "indian"),
        ("brazil", "brazilian"), ("israel", "israeli"), ("korea", "korean"),
        ("australia", "australian"), ("sweden", "swedish"), ("switzerland", "swiss"),
        ("europe", "european"), ("poland", "polish"), ("netherlands", "dutch"),
    ],
    "number-ordinal": [
        ("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"),
        ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"),
        ("nine", "ninth"),
    ],
    "opposite": [
        ("possible", "impossible"), ("likely", "unlikely"), ("known", "unknown"),
        ("usual", "unusual"), ("able", "unable"), ("certain", "uncertain"), ("fair", "unfair"),
        ("profitable", "unprofitable"), ("clear", "unclear"), ("expected", "unexpected"),
        ("popular", "unpopular"), ("necessary", "unnecessary"),
        ("successful", "unsuccessful"), ("legal", "illegal"), ("changed", "unchanged"),
        ("related", "unrelated"), ("common", "uncommon"), ("friendly", "unfriendly"),
    ],
    "adjective-to-adverb": [
        ("quick", "quickly"), ("slow", "slowly"), ("sharp", "sharply"), ("recent", "recently"),
        ("current", "currently"), ("apparent", "apparently"), ("rapid", "rapidly"),
        ("usual", "usually"), ("steady", "steadily"), ("strong", "strongly"), ("close", "closely"),
        ("significant", "significantly"), ("previous", "previously"), ("final", "finally"),
        ("general", "generally"), ("particular", "particularly"),
        ("immediate", "immediately"), ("actual", "actually"), ("typical", "typically"),
        ("similar", "similarly"), ("direct", "directly"),
    ],
    "comparative": [
        ("big", "bigger"), ("large", "larger"), ("small", "smaller"), ("high", "higher"),
        ("low", "lower"), ("strong", "stronger"), ("weak", "weaker"), ("good", "better"),
        ("bad", "worse"), ("great", "greater"), ("cheap", "cheaper"), ("fast", "faster"),
        ("slow", "slower"), ("early", "earlier"), ("long", "longer"), ("easy", "easier"),
        ("hard", "harder"), ("tough", "tougher"), ("wide", "wider"), ("young", "younger"),
        ("old", "older"),
    ],
    "superlative": [
        ("big", "biggest"), ("large", "largest"), ("small", "smallest"), ("high", "highest"),
        ("low", "lowest"), ("strong", "strongest"), ("good", "best"), ("bad", "worst"),
        ("great", "greatest"), ("early", "earliest"), ("long", "longest"), ("young", "youngest"),
        ("old", "oldest"), ("late", "latest"),
    ],
    "present-participle": [
        ("say", "saying"), ("take", "taking"), ("make", "making"), ("go", "going"),
        ("come", "coming"), ("buy", "buying"), ("sell", "selling"), ("rise", "rising"),
        ("fall", "falling"), ("pay", "paying"), ("run", "running"), ("look", "looking"),
        ("work", "working"), ("grow", "growing"), ("try", "trying"), ("increase", "increasing"),
        ("expect", "expecting"), ("plan", "planning"), ("move", "moving"), ("write", "writing"),
    ],
    "past-tense": [
        ("say", "said"), ("take", "took"), ("make", "made"), ("go", "went"), ("come", "came"),
        ("buy", "bought"), ("sell", "sold"), ("rise", "rose"), ("fall", "fell"), ("pay", "paid"),
        ("tell", "told"), ("give", "gave"), ("find", "found"), ("think", "thought"),
        ("know", "knew"), ("see", "saw"), ("begin", "began"), ("grow", "grew"), ("win", "won"),
        ("bring", "brought"), ("report", "reported"), ("increase", "increased"),
        ("expect", "expected"), ("agree", "agreed"), ("announce", "announced"),
    ],
    "plural-nouns": [
        ("company", "companies"), ("year", "years"), ("share", "shares"), ("market", "markets"),
        ("price", "prices"), ("bank", "banks"), ("stock", "stocks"), ("bond", "bonds"),
        ("investor", "investors"), ("analyst", "analysts"), ("month", "months"), ("day", "days"),
        ("week", "weeks"), ("rate", "rates"), ("official", "officials"),
        ("executive", "executives"), ("country", "countries"), ("city", "cities"),
        ("child", "children"), ("product", "products"), ("loss", "losses"),
    ],
    "plural-verbs": [
        ("say", "says"), ("take", "takes"), ("make", "makes"), ("go", "goes"), ("come", "comes"),
        ("buy", "buys"), ("sell", "sells"), ("rise", "rises"), ("fall", "falls"), ("pay", "pays"),
        ("run", "runs"), ("look", "looks"), ("work", "works"), ("grow", "grows"), ("try", "tries"),
        ("expect", "expects"), ("plan", "plans"), ("include", "includes"),
        ("provide", "provides"),
    ],
}


def questions(pairs: list[tuple[str, str]], limit: int = PER_SECTION) -> list[tuple[str, ...]]:
    """Combine pair i with pair i+1, then i+2, ... (cyclically) until ``limit`` questions."""
    n = len(pairs)
    out: list[tuple[str, ...]] = []
    for offset in range(1, n):
        for i in range(n):
            if len(out) == limit:
                return out
            (a, b), (c, d) = pairs[i], pairs[(i + offset) % n]
            out.append((a, b, c, d))
    return out


def render() -> str:
    lines = []
    for name, pairs in SECTIONS.items():
        lines.append(f": {name}")
        lines.extend(" ".join(q) for q in questions(pairs))
    return "\n".join(lines) + "\n"


def main() -> int:
    words = {w for pairs in SECTIONS.values() for pair in pairs for w in pair}
    try:
        from w2vlib.data import ptb_vocab

        word_to_id, _ = ptb_vocab()
    except Exception as e:  # no PTB available: still write, but say it was not checked
        print(f"warning: PTB vocabulary not available ({e}); words not checked", file=sys.stderr)
    else:
        missing = sorted(words - word_to_id.keys())
        if missing:
            print(f"error: not in the PTB vocabulary: {missing}", file=sys.stderr)
            return 1
    out = Path(__file__).with_name("analogies_ptb.txt")
    text = render()
    out.write_text(text, encoding="utf-8")
    n_q = sum(1 for line in text.splitlines() if not line.startswith(":"))
    print(f"wrote {out.name}: {n_q} questions in {len(SECTIONS)} sections, {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
