"""Property tests of the normalization and matching primitives (Hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.evaluate.normalize import APOSTROPHES, contains_tokens, normalize_name, normalize_text
from wirecoder.evaluate.parts import quote_overlap
from wirecoder.evaluate.tally import PRF

TEXTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_text_is_idempotent_and_clean(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "  " not in once and once == once.strip()
    assert not (set(once) & (APOSTROPHES | {"."}))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_names_drop_one_leading_the_only(text: str) -> None:
    name = normalize_name(text)
    folded = normalize_text(text)
    assert name == (folded[4:] if folded.startswith("the ") else folded)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS, TEXTS)
def test_a_quote_contains_itself_and_any_whole_token_part(pre: str, mid: str, post: str) -> None:
    if normalize_text(mid):
        assert quote_overlap(mid, mid) == 2
        assert quote_overlap(f"{pre} {mid} {post}", mid) == 2
        assert contains_tokens(normalize_text(f"{pre} {mid} {post}"), normalize_text(mid))


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50)), max_size=20))
def test_prf_micro_average_and_bounds(rows: list[tuple[int, int, int]]) -> None:
    total = PRF()
    for tp, fp, fn in rows:
        total.add(PRF(tp, fp, fn))
    assert total.tp == sum(r[0] for r in rows)
    for v in (total.precision, total.recall, total.f1):
        assert v is None or 0.0 <= v <= 1.0
    if total.tp + total.fp + total.fn == 0:
        assert total.f1 is None
