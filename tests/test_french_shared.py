"""French targets on the dev data in ../shared (read at run time; skipped when absent):
the French seed scores like the English one, the French ACLED notes within 0.03 of the same
notes in English, a French HTML page extracts as French."""
from __future__ import annotations

import json

from wirecoder.evaluate.runner import evaluate_files
from wirecoder.ingest import iter_articles


def _metrics(paths, pipeline):
    scores = evaluate_files(paths, pipeline=pipeline, progress=False)
    return {name: ds.metrics() for name, ds in scores.items()}


def test_french_seed_scores_like_the_english_seed(shared_dir, pipeline):
    m = _metrics([shared_dir / "eval" / "dev" / "seed_fr.gold.jsonl"], pipeline)["seed"]
    assert m["events.f1"] == 1.0
    assert m["claims.f1"] == 1.0 and m["claims.claimant"] == 1.0
    assert m["quotes.f1"] == 1.0 and m["quotes.speaker"] == 1.0
    assert m["related.f1"] == 1.0


def test_french_acled_notes_score_like_the_english_ones(shared_dir, pipeline, tmp_path):
    dev = shared_dir / "eval" / "dev"
    fr_path = dev / "acled_gaza_fr_dev.jsonl"
    ids = {json.loads(line)["id"].removesuffix("-fr") for line in fr_path.open(encoding="utf-8")}
    en_path = tmp_path / "acled_en_same_notes.jsonl"  # the same notes, in English
    with en_path.open("w", encoding="utf-8") as out:
        for line in (dev / "acled_gaza_dev.jsonl").open(encoding="utf-8"):
            if json.loads(line)["id"] in ids:
                out.write(line)
    fr = _metrics([fr_path], pipeline)
    en = _metrics([en_path], pipeline)
    (fr_m,), (en_m,) = fr.values(), en.values()
    for key in ("acled.sub_event", "acled.date", "acled.location", "acled.fatalities"):
        assert fr_m[key] >= en_m[key] - 0.03, (key, fr_m[key], en_m[key])


def test_a_french_html_page_extracts_as_french(shared_dir, pipeline):
    rows = [json.loads(line) for line in
            (shared_dir / "eval" / "dev" / "html_dev.jsonl").open(encoding="utf-8")]
    french = [r for r in rows if r.get("language") == "fr"]
    assert french
    page = shared_dir / "eval" / "dev" / "html" / french[0]["file"]
    (article,) = list(iter_articles(str(page)))
    assert article.language == "fr"
    report = pipeline.extract(article)
    assert report.article.language == "fr"
    assert all(e.evidence for e in report.events)
