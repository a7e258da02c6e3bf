package io.nightwatch.store;

/**
 * What {@link AlertStore#record} did. UNCHANGED still means the receipt was noted (last-received-at, seen-by);
 * only state, times and annotations count as a change.
 *
 * @param state the occurrence's state after the call
 */
public record RecordResult(Outcome outcome, long id, boolean stateChanged, AlertState state) {

    public enum Outcome { INSERTED, UPDATED, UNCHANGED }
}
