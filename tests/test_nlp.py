"""Model loading: preference order, coded error with the install command, sentence rules."""
from __future__ import annotations

import pytest

from wirecoder.errors import ModelNotFound
from wirecoder.nlp import resolve_model_name


def test_missing_model_is_a_coded_error_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECODER_MODEL", "en_core_web_nonexistent")
    with pytest.raises(ModelNotFound) as err:
        resolve_model_name()
    assert "[E010]" in str(err.value) and "pip install" in str(err.value)


def test_default_model_resolves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIRECODER_MODEL", raising=False)
    assert resolve_model_name().startswith("en_core_web_")


def test_newlines_and_bullets_delimit_sentences(nlp) -> None:
    doc = nlp("Troops entered the town on Monday\n• See the map of the region below\n"
              "Residents fled north. Officials met in the capital.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Troops entered the town on Monday"
    assert sents[1].startswith("• See the map")
    assert "Residents fled north." in sents
