-- wirecoder store (DuckDB). One row per report part; `doc` columns keep the part's JSON.
-- Contract shared by store/, corpus/, api/: add columns freely, never rename silently.
-- Layout 2 (store/layout.py) adds, per listed table, `seq` (write order), `k_day` (sort key:
-- day and seq in one BIGINT, see layout.sort_key) and copies of what a listing shows of the
-- article and the participants, so a page of a million-row store is one narrow top-N; old
-- stores get them (and the indexes below) on their next read-write open.
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
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
    ingested_at TIMESTAMP,
    seq         BIGINT,
    k_day       BIGINT            -- published, seq (newest first = k_day DESC)
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
    doc VARCHAR,                              -- the event's JSON as in the report
    seq BIGINT, k_day BIGINT,                 -- write order; sort key of (day, seq)
    day DATE, day_end DATE,                   -- date_start/date_end, else the article's date
    actor_names VARCHAR[], recipient_names VARCHAR[], mediator_names VARCHAR[],
    names_lc VARCHAR,                         -- every participant name, lower case, '|'-joined
    published DATE, outlet VARCHAR, article_title VARCHAR   -- copies of the article's
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
    claimant_id VARCHAR,                      -- actor id in the article (claimant = its name)
    seq BIGINT, k_day BIGINT, day DATE,       -- day = as_of, else the article's date
    published DATE, outlet VARCHAR, article_title VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    uid VARCHAR PRIMARY KEY, article_id VARCHAR, quote_id VARCHAR, text VARCHAR,
    speaker VARCHAR, speaker_text VARCHAR, cue VARCHAR, channel VARCHAR, direct BOOLEAN,
    evidence_start INTEGER, evidence_end INTEGER, doc VARCHAR,
    speaker_id VARCHAR,                       -- actor id in the article (speaker = its name)
    seq BIGINT, k_day BIGINT,                 -- day = the article's date
    published DATE, outlet VARCHAR, article_title VARCHAR
);
CREATE TABLE IF NOT EXISTS merged_events (    -- one row per real-world event across outlets
    merged_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, date_start DATE, date_end DATE,
    country VARCHAR, location_name VARCHAR, lat DOUBLE, lon DOUBLE, status VARCHAR,
    actors VARCHAR, recipients VARCHAR, source_count INTEGER, article_ids VARCHAR,
    dead INTEGER, injured INTEGER,
    acled_event_type VARCHAR, acled_sub_event_type VARCHAR, uids VARCHAR  -- JSON list of member events
);
-- Derived at the end of an ingest (store/derived.py); fresh while store_meta.derived_version
-- equals data_version, else readers compute the same from the tables above.
CREATE TABLE IF NOT EXISTS series_points (
    quantity VARCHAR, scope VARCHAR, claimant VARCHAR, kind VARCHAR, as_of DATE,
    value BIGINT, value_max BIGINT, bound VARCHAR, period_start DATE, article_id VARCHAR,
    outlet VARCHAR, revision VARCHAR, disagreement VARCHAR, uid VARCHAR, country VARCHAR
);
CREATE TABLE IF NOT EXISTS series_bodies (  -- /api/series?quantity=Q&country=C, gzipped JSON
    quantity VARCHAR, country VARCHAR, body BLOB
);
CREATE TABLE IF NOT EXISTS event_counts (     -- events per (type, mode, status, country)
    type VARCHAR, mode VARCHAR, status VARCHAR, country VARCHAR, n BIGINT
);
