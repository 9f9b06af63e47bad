"""w2vlib.text: display widths, aligned tables and Korean particles after printed values."""
import numpy as np
import pytest

from w2vlib.text import check_lang, display_width, format_table, josa, pad


# ---- widths and tables ---------------------------------------------------------------------------------

def test_display_width_counts_hangul_as_two_columns():
    assert display_width("abc") == 3
    assert display_width("정확도") == 6
    assert display_width("k = 10 (정답)") == 13
    assert display_width("") == 0
    assert display_width(3.5) == 3
    assert display_width("e\u0301") == 1  # a combining accent takes no column


@pytest.mark.parametrize("align,expect", [("<", "정답  "), (">", "  정답"), ("^", " 정답 ")])
def test_pad_fills_to_display_width(align, expect):
    assert pad("정답", 6, align) == expect
    assert display_width(pad("정답", 6, align)) == 6


def test_pad_keeps_a_long_string_and_refuses_a_bad_alignment():
    assert pad("정확도", 3) == "정확도"
    with pytest.raises(ValueError, match="align"):
        pad("x", 4, "=")


def test_format_table_lines_up_hangul_and_numbers():
    table = format_table(["구간", "정답", "정확도"], [["capital-common", 10, "0.2500"], ["가족", 3, "0.0750"],
                                                  None, ["전체", 13, "0.1625"]])
    lines = table.splitlines()
    assert lines[0].startswith("구간")
    assert set(lines[1]) == {"-"} and set(lines[-2]) == {"-"}
    # every column ends at the same display column: numbers are right-aligned
    ends = {display_width(line) for line in lines if not set(line) == {"-"}}
    assert len(ends) == 1 and display_width(lines[1]) == ends.pop()
    assert lines[3].startswith("가족") and lines[3].endswith("0.0750")
    assert lines == ["구간            정답  정확도",
                     "----------------------------",
                     "capital-common    10  0.2500",
                     "가족               3  0.0750",
                     "----------------------------",
                     "전체              13  0.1625"]


def test_format_table_alignment_can_be_given_and_lines_have_no_trailing_space():
    table = format_table(["a", "b"], [["x", "y"], ["long", "z"]], align="><")
    assert table.splitlines() == ["   a  b", "-------", "   x  y", "long  z"]
    assert all(line == line.rstrip() for line in table.splitlines())


def test_format_table_refuses_ragged_rows():
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        format_table(["a", "b"], [["x", "y"], ["z"]])
    with pytest.raises(ValueError, match="align has 1 entries"):
        format_table(["a", "b"], [["x", "y"]], align="<")


def test_check_lang():
    assert check_lang("ko") == "ko" and check_lang("en") == "en"
    with pytest.raises(ValueError, match="lang must be one of"):
        check_lang("kr")


# ---- particles ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,particle,expect", [
    # the examples of the conventions
    (10, "와/과", "10과"), ("k = 3", "이/가", "k = 3이"), (5, "을/를", "5를"), ("50%", "이/가", "50%가"),
    # Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구
    (0, "이/가", "0이"), (1, "이/가", "1이"), (2, "이/가", "2가"), (3, "을/를", "3을"), (4, "을/를", "4를"),
    (6, "은/는", "6은"), (7, "은/는", "7은"), (8, "와/과", "8과"), (9, "와/과", "9와"),
    # round numbers: 십 백 천 만 십만 억 조
    (20, "이/가", "20이"), (100, "이/가", "100이"), (1000, "을/를", "1000을"), (10_000, "은/는", "10000은"),
    ("100,000", "이/가", "100,000이"), (10 ** 8, "이/가", "100000000이"), (10 ** 12, "이/가", "1000000000000가"),
    # decimals are read digit by digit after the point: 영점오, 영점일영
    (0.5, "이/가", "0.5가"), ("0.10", "이/가", "0.10이"), ("2.0", "이/가", "2.0이"), (0.25, "와/과", "0.25와"),
    # 으로/로: ㄹ takes 로 (1 일, 7 칠, 8 팔)
    (1, "으로/로", "1로"), (7, "으로/로", "7로"), (3, "으로/로", "3으로"), (2, "으로/로", "2로"),
    (10, "으로/로", "10으로"), ("1000", "으로/로", "1000으로"),
    # Hangul syllables
    ("사과", "을/를", "사과를"), ("정답", "이/가", "정답이"), ("서울", "으로/로", "서울로"), ("부산", "으로/로", "부산으로"),
    # letters by name, English words by rule of thumb, acronyms by letters
    ("k", "이/가", "k가"), ("n", "이/가", "n이"), ("l", "으로/로", "l로"), ("W_in", "을/를", "W_in을"),
    ("W_out", "을/를", "W_out을"), ("say", "이/가", "say가"), ("model", "은/는", "model은"),
    ("hello", "와/과", "hello와"), ("CBOW", "이/가", "CBOW가"), ("gensim", "은/는", "gensim은"),
    # brackets, quotes and spaces are read past; symbols read aloud
    ("(k = 5)", "이/가", "(k = 5)가"), ("'say'", "을/를", "'say'를"), ("3×", "이/가", "3×가"),
    ("α", "이/가", "α가"), ("ε", "이/가", "ε이"),
])
def test_josa_picks_the_form_from_the_last_sound(value, particle, expect):
    assert josa(value, particle) == expect


@pytest.mark.parametrize("particle", ["이/가", "가/이", "이(가)", "가", "이"])
def test_josa_takes_a_pair_in_any_spelling(particle):
    assert josa(10, particle) == "10이" and josa(2, particle) == "2가"


def test_josa_reads_numpy_scalars_as_their_numbers():
    assert josa(np.int64(10), "와/과") == "10과"
    assert josa(np.float64(0.5), "이/가") == "0.5가"


@pytest.mark.parametrize("value,particle,expect", [("", "이/가", "이(가)"), ("漢", "을/를", "漢을(를)"),
                                                   ("...", "와/과", "...와(과)"), ("", "으로/로", "(으)로")])
def test_josa_falls_back_to_the_neutral_form(value, particle, expect):
    assert josa(value, particle) == expect


def test_josa_refuses_an_unknown_particle():
    with pytest.raises(ValueError, match="does not know the particle"):
        josa(3, "에게")
