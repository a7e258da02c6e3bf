/**
 * The alert history: one SQLite file ({@code $XDG_DATA_HOME/nightwatch/alerts.db}) holding every alert
 * occurrence, its state transitions, acknowledgements and the silences Nightwatch saw or made. The only package
 * that may use {@code java.sql}; its API speaks in the records of this package.
 *
 * <ul>
 *   <li>{@link io.nightwatch.store.AlertStore}: the facade (open, record, search, acknowledge, silences,
 *       retention).</li>
 *   <li>Writing: {@code GroupCommitter} (the single writer thread; group commit, synchronous=FULL, so a returned
 *       call is on disk), {@code AlertWriter} (which occurrence a report belongs to), {@code Merge} (how a report
 *       changes it: pure rules), {@code OperatorWriter} (acks, silences).</li>
 *   <li>Reading: {@code ReaderPool} (WAL readers that never wait for the writer), {@code AlertReader},
 *       {@code QuerySql} (filters on indexed columns, FTS5 for free text).</li>
 *   <li>Schema: {@code Migrations} (ordered steps recorded in {@code schema_version}; append a step to extend
 *       the schema), {@code Schema} (the SQL), {@code PlannerStats}.</li>
 * </ul>
 *
 * <p>Label values and annotation text are never logged: exports redact them, the store only keeps them.
 */
package io.nightwatch.store;
