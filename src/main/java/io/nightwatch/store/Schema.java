package io.nightwatch.store;

/** The SQL of each schema version (see {@link Migrations}). Times are epoch milliseconds, UTC. */
final class Schema {

    private Schema() {}

    static final String[] V1 = {
            """
            CREATE TABLE alert (
              id                INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: incidents will point at ids
              fingerprint       TEXT    NOT NULL,
              alertname         TEXT    NOT NULL,
              severity          TEXT    NOT NULL,
              service           TEXT    NOT NULL,
              labels            TEXT    NOT NULL, -- JSON object, sorted keys
              annotations       TEXT    NOT NULL, -- JSON object, sorted keys
              state             TEXT    NOT NULL CHECK (state IN ('PENDING', 'FIRING', 'SUPPRESSED', 'RESOLVED')),
              starts_at         INTEGER NOT NULL,
              ends_at           INTEGER,
              source            TEXT    NOT NULL, -- first seen by
              seen_by           TEXT    NOT NULL, -- sorted, comma-separated
              generator_url     TEXT    NOT NULL,
              receiver          TEXT    NOT NULL,
              first_received_at INTEGER NOT NULL,
              last_received_at  INTEGER NOT NULL,
              state_changed_at  INTEGER NOT NULL  -- receipt time of the report that set the state (orders races)
            )""",
            // Dedup safety nets: one row per (fingerprint, start); at most one open occurrence per fingerprint.
            "CREATE UNIQUE INDEX alert_fingerprint_start ON alert (fingerprint, starts_at)",
            "CREATE UNIQUE INDEX alert_open_fingerprint ON alert (fingerprint) WHERE state <> 'RESOLVED'",
            // Filters; each ends in starts_at so that the newest-first order comes from the index itself.
            "CREATE INDEX alert_start ON alert (starts_at)",
            "CREATE INDEX alert_severity_start ON alert (severity, starts_at)",
            "CREATE INDEX alert_service_start ON alert (service, starts_at)",
            "CREATE INDEX alert_state_start ON alert (state, starts_at)",
            "CREATE INDEX alert_source_start ON alert (source, starts_at)",
            "CREATE INDEX alert_retention ON alert (ends_at) WHERE state = 'RESOLVED'",
            """
            CREATE TABLE alert_transition (
              id         INTEGER PRIMARY KEY,
              alert_id   INTEGER NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
              at         INTEGER NOT NULL,
              from_state TEXT    NOT NULL,
              to_state   TEXT    NOT NULL,
              source     TEXT    NOT NULL
            )""",
            "CREATE INDEX alert_transition_alert ON alert_transition (alert_id, id)",
            """
            CREATE TABLE alert_ack (
              id       INTEGER PRIMARY KEY,
              alert_id INTEGER NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
              who      TEXT    NOT NULL,
              at       INTEGER NOT NULL,
              note     TEXT    NOT NULL
            )""",
            "CREATE INDEX alert_ack_alert ON alert_ack (alert_id, id)",
            """
            CREATE TABLE silence (
              id                    TEXT    PRIMARY KEY, -- Alertmanager's silence id
              matchers              TEXT    NOT NULL,    -- JSON array of {name, value, isRegex, isEqual}
              comment               TEXT    NOT NULL,
              created_by            TEXT    NOT NULL,
              starts_at             INTEGER NOT NULL,
              ends_at               INTEGER NOT NULL,
              created_by_nightwatch INTEGER NOT NULL,
              recorded_at           INTEGER NOT NULL,
              expired_at            INTEGER
            )""",
            "CREATE INDEX silence_end ON silence (ends_at)",
            // What full-text search sees: label values and annotation text, unescaped (JSON's "\n" would glue
            // an "n" to the next word; label names would match every alert). FTS5's external content is this
            // view and the triggers below index exactly what it says. FTS5 prepares its 'rebuild' and
            // content-checking 'integrity-check' scans without virtual tables, and json_each is one: rebuild by
            // hand with 'delete-all' then INSERT INTO alert_fts (rowid, labels, annotations) SELECT * FROM
            // alert_search_text.
            """
            CREATE VIEW alert_search_text AS
              SELECT id,
                     (SELECT group_concat(value, ' ') FROM json_each(alert.labels))      AS labels,
                     (SELECT group_concat(value, ' ') FROM json_each(alert.annotations)) AS annotations
              FROM alert""",
            // columnsize=0: no per-row token counts (only bm25 ranking needs them; results are ordered by time).
            """
            CREATE VIRTUAL TABLE alert_fts USING fts5 (labels, annotations, content = 'alert_search_text',
              content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', columnsize = 0)""",
            """
            CREATE TRIGGER alert_fts_insert AFTER INSERT ON alert BEGIN
              INSERT INTO alert_fts (rowid, labels, annotations)
                SELECT id, labels, annotations FROM alert_search_text WHERE id = new.id;
            END""",
            """
            CREATE TRIGGER alert_fts_delete BEFORE DELETE ON alert BEGIN
              INSERT INTO alert_fts (alert_fts, rowid, labels, annotations)
                SELECT 'delete', id, labels, annotations FROM alert_search_text WHERE id = old.id;
            END""",
            // Updates rewrite the index only when the text changed (state updates are the common case).
            """
            CREATE TRIGGER alert_fts_update_old BEFORE UPDATE OF labels, annotations ON alert
              WHEN old.labels IS NOT new.labels OR old.annotations IS NOT new.annotations BEGIN
              INSERT INTO alert_fts (alert_fts, rowid, labels, annotations)
                SELECT 'delete', id, labels, annotations FROM alert_search_text WHERE id = old.id;
            END""",
            """
            CREATE TRIGGER alert_fts_update_new AFTER UPDATE OF labels, annotations ON alert
              WHEN old.labels IS NOT new.labels OR old.annotations IS NOT new.annotations BEGIN
              INSERT INTO alert_fts (rowid, labels, annotations)
                SELECT id, labels, annotations FROM alert_search_text WHERE id = new.id;
            END""",
    };

    /** Incidents: one open per scope, a timeline of events (with optional PNG attachments), samples for charts. */
    static final String[] V2 = {
            """
            CREATE TABLE incident (
              id        INTEGER PRIMARY KEY AUTOINCREMENT,
              scope     TEXT    NOT NULL, -- a host name, or "stack"
              title     TEXT    NOT NULL,
              opened_at INTEGER NOT NULL,
              opened_by TEXT    NOT NULL,
              closed_at INTEGER,
              closed_by TEXT    NOT NULL DEFAULT '',
              summary   TEXT    NOT NULL DEFAULT ''
            )""",
            "CREATE UNIQUE INDEX incident_open_scope ON incident (scope) WHERE closed_at IS NULL",
            "CREATE INDEX incident_opened ON incident (opened_at)",
            """
            CREATE TABLE incident_event (
              id          INTEGER PRIMARY KEY,
              incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
              at          INTEGER NOT NULL,
              kind        TEXT    NOT NULL,
              service     TEXT    NOT NULL,
              text        TEXT    NOT NULL,
              facts       TEXT    NOT NULL, -- JSON object, sorted keys
              attachment  BLOB
            )""",
            "CREATE INDEX incident_event_incident ON incident_event (incident_id, at, id)",
            """
            CREATE TABLE incident_sample (
              incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
              series      TEXT    NOT NULL,
              at          INTEGER NOT NULL,
              value       REAL    NOT NULL
            )""",
            "CREATE INDEX incident_sample_series ON incident_sample (incident_id, series, at)"
    };

    /** Readiness audits (score over time) and restore drills (measured RTO), for the audit's history and its drill item. */
    static final String[] V3 = {
            """
            CREATE TABLE audit_run (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              taken_at    INTEGER NOT NULL,
              verdict     TEXT    NOT NULL CHECK (verdict IN ('READY', 'CONDITIONAL', 'NOT_READY')),
              development TEXT    NOT NULL,
              staging     TEXT    NOT NULL,
              production  TEXT    NOT NULL,
              ok          INTEGER NOT NULL,
              total       INTEGER NOT NULL,
              items       TEXT    NOT NULL  -- JSON array of {id, status, risk}: which items changed, never evidence
            )""",
            "CREATE INDEX audit_run_taken ON audit_run (taken_at)",
            """
            CREATE TABLE restore_drill (
              id       INTEGER PRIMARY KEY AUTOINCREMENT,
              at       INTEGER NOT NULL,
              set_id   TEXT    NOT NULL,
              services TEXT    NOT NULL, -- comma-separated
              rto_ms   INTEGER NOT NULL,
              ok       INTEGER NOT NULL,
              note     TEXT    NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX restore_drill_at ON restore_drill (at)"
    };

    /**
     * The last lines of containers that died, taken from the engine's event stream at the moment of death, so they
     * survive a restart or a recreate (which empties the engine's own log). Redacted before they are written.
     */
    static final String[] V4 = {
            """
            CREATE TABLE crash_lines (
              id        INTEGER PRIMARY KEY AUTOINCREMENT,
              host      TEXT    NOT NULL,
              service   TEXT    NOT NULL, -- the profile's service name, else the container name
              container TEXT    NOT NULL, -- the container's id at the time (a recreate gives a new one)
              died_at   INTEGER NOT NULL,
              exit_code INTEGER NOT NULL,
              oom       INTEGER NOT NULL,
              lines     TEXT    NOT NULL  -- newline-separated, redacted, bounded (see CrashLines)
            )""",
            "CREATE UNIQUE INDEX crash_lines_key ON crash_lines (host, service, container, died_at)",
            "CREATE INDEX crash_lines_service ON crash_lines (host, service, died_at)"
    };

    /**
     * Performance baselines (one sample per service, image and metric each minute; kept 30 days) and the services'
     * observed states as spans (for the availability an SLO is judged by).
     */
    static final String[] V5 = {
            """
            CREATE TABLE perf_sample (
              at      INTEGER NOT NULL,
              service TEXT    NOT NULL, -- host/name
              image   TEXT    NOT NULL, -- the container's image reference: each version has its own baseline
              metric  TEXT    NOT NULL, -- query.latency_ms, memory.bytes, rate.<stage>
              value   REAL    NOT NULL
            )""",
            "CREATE INDEX perf_sample_series ON perf_sample (service, metric, image, at)",
            "CREATE INDEX perf_sample_at ON perf_sample (at)",
            """
            CREATE TABLE service_state (
              id      INTEGER PRIMARY KEY,
              service TEXT    NOT NULL,
              state   TEXT    NOT NULL, -- UP, DEGRADED, DOWN, UNKNOWN
              since   INTEGER NOT NULL,
              until   INTEGER NOT NULL  -- last time seen in this state; a gap means Nightwatch was not watching
            )""",
            "CREATE INDEX service_state_service ON service_state (service, until)"
    };
}
