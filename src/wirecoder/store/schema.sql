-- wirecoder store (DuckDB). One row per report part; `doc` columns keep the part's JSON.
-- Contract shared by store/, corpus/, api/: add columns freely, never rename silently.
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id      VARCHAR PRIMARY KEY,
    started     TIMESTAMP,
    finished    TIMESTAMP,
    sources     VARCHAR,          -- JSON list of the command's sources
    engine      VARCHAR,
    articles    INTEGER DEFAULT 0,
    failures    INTEGER DEFAULT 0,
    status      VARCHAR           -- running | done | interrupted
);
CREATE TABLE IF NOT EXISTS articles (
    article_id  VARCHAR PRIMARY KEY,
    source      VARCHAR,
    url         VARCHAR,
    title       VARCHAR,
    outlet      VARCHAR,
    published   DATE,
    language    VARCHAR,
    text        VARCHAR,
    run_id      VARCHAR,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS related_links (
    article_id  VARCHAR, seq INTEGER, title VARCHAR, url VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (           -- per-article actors; key (article_id, actor_id)
    article_id  VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
    sector VARCHAR, affiliation VARCHAR, wikidata VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS events (           -- per-article events; uid = article_id || ':' || event_id
    uid VARCHAR PRIMARY KEY, article_id VARCHAR, event_id VARCHAR, type VARCHAR, mode VARCHAR,
    context VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR, date_text VARCHAR,
    location_name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    location_precision VARCHAR, status VARCHAR, dead INTEGER, injured INTEGER,
    acled_event_type VARCHAR, acled_sub_event_type VARCHAR, confidence DOUBLE,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    merged_id VARCHAR,                        -- cross-article merged event this belongs to
    doc VARCHAR                               -- the event's JSON as in the report
);
CREATE TABLE IF NOT EXISTS event_actors (
    uid VARCHAR, article_id VARCHAR, role VARCHAR, actor_id VARCHAR, name VARCHAR,
    country VARCHAR, sector VARCHAR         -- role: actor | recipient | mediator
);
CREATE TABLE IF NOT EXISTS claims (
    uid VARCHAR PRIMARY KEY, article_id VARCHAR, claim_id VARCHAR, quantity VARCHAR,
    value BIGINT, value_max BIGINT, bound VARCHAR, unit VARCHAR, claimant VARCHAR,
    claimant_text VARCHAR, claimant_country VARCHAR, as_of DATE, period_start DATE,
    period_end DATE, location_name VARCHAR, country VARCHAR, event_uid VARCHAR,
    qualifiers VARCHAR, evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    doc VARCHAR,
    claimant_id VARCHAR                       -- actor id in the article (claimant = its name)
);
CREATE TABLE IF NOT EXISTS quotes (
    uid VARCHAR PRIMARY KEY, article_id VARCHAR, quote_id VARCHAR, text VARCHAR,
    speaker VARCHAR, speaker_text VARCHAR, cue VARCHAR, channel VARCHAR, direct BOOLEAN,
    evidence_start INTEGER, evidence_end INTEGER, doc VARCHAR,
    speaker_id VARCHAR                        -- actor id in the article (speaker = its name)
);
CREATE TABLE IF NOT EXISTS merged_events (    -- one row per real-world event across outlets
    merged_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, date_start DATE, date_end DATE,
    country VARCHAR, location_name VARCHAR, lat DOUBLE, lon DOUBLE, status VARCHAR,
    actors VARCHAR, recipients VARCHAR, source_count INTEGER, article_ids VARCHAR,
    dead INTEGER, injured INTEGER,
    acled_event_type VARCHAR, acled_sub_event_type VARCHAR, uids VARCHAR  -- JSON list of member events
);
