"""Writes tests/data/ko_small.txt: Korean sentences from templates (run from the repository root).

Morphemes are separated by spaces, as a Korean morphological analyser (e.g. KoNLPy) would give
them, so that a particle (가/이, 를/을, ...) is its own token. Four or five words in each of seven
categories (animals, foods, cities, people, drinks, weather, days) fill the slots, so a model
that learns anything puts a city next to other cities.
"""
import numpy as np
rng = np.random.default_rng(2026)
S = {
 "A": ["고양이", "강아지", "토끼", "햄스터", "앵무새"],
 "F": ["김치", "비빔밥", "떡볶이", "불고기", "김밥"],
 "C": ["서울", "부산", "대구", "광주", "제주"],
 "P": ["선생님", "학생", "친구", "엄마", "아빠"],
 "D": ["커피", "녹차", "우유", "주스", "식혜"],
 "W": ["비", "눈", "바람", "안개"],
 "T": ["월요일", "화요일", "주말", "어제", "오늘"],
}
T = [
 "{P} 는 {F} 를 좋아 한다 .",
 "{P} 가 {C} 에서 {F} 를 먹었 다 .",
 "{A} 가 마당 에서 뛰어 논다 .",
 "{A} 는 털 이 부드럽 고 귀엽 다 .",
 "{A} 에게 먹이 를 주 었다 .",
 "{P} 가 {A} 를 산책 시켰 다 .",
 "{C} 에 는 {W} 가 많이 온다 .",
 "{T} 에 {P} 와 함께 {C} 로 여행 을 갔다 .",
 "{P} 는 카페 에서 {D} 를 마셨 다 .",
 "{D} 는 따뜻하 게 마시 면 맛있 다 .",
 "{F} 는 맵 지만 맛있 다 .",
 "{C} 역 에서 기차 를 탔다 .",
 "{C} 의 날씨 는 {W} 때문 에 추웠 다 .",
 "{T} 은 {W} 가 와서 {P} 가 우산 을 챙겼 다 .",
 "{P} 는 학교 에서 {P} 에게 질문 을 했다 .",
 "{T} 아침 에 {D} 한 잔 과 {F} 를 먹었 다 .",
 "{A} 와 {A} 는 사이 가 좋다 .",
 "{C} 에서 {C} 까지 버스 로 갔다 .",
]
PAIRS = {"가": ("가", "이"), "이": ("가", "이"), "는": ("는", "은"), "은": ("는", "은"),
         "를": ("를", "을"), "을": ("를", "을"), "와": ("와", "과"), "과": ("와", "과")}
def batchim(w):
    return (ord(w[-1]) - 0xAC00) % 28
lines = []
for _ in range(420):
    t = T[rng.integers(len(T))]
    out, used, prev_slot = [], set(), None
    for tok in t.split():
        if tok.startswith("{"):
            while True:
                w = S[tok[1]][rng.integers(len(S[tok[1]]))]
                if w not in used:
                    break
            used.add(w)
            out.append(w)
            prev_slot = w
            continue
        if prev_slot is not None and tok in PAIRS:
            tok = PAIRS[tok][batchim(prev_slot) != 0]
        elif prev_slot is not None and tok == "로":
            b = batchim(prev_slot)
            tok = "으로" if b not in (0, 8) else "로"
        out.append(tok)
        prev_slot = None
    lines.append(" ".join(out))
open("tests/data/ko_small.txt", "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(sum(len(l.split()) for l in lines), "tokens")
