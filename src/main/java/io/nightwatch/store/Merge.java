package io.nightwatch.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a new report changes the occurrence it belongs to. Pure, so that the rules can be read and tested apart
 * from SQL:
 * <ul>
 *   <li>a resolved occurrence is never reopened: a non-resolved report for it is older news that arrived late
 *       (a firing alert that fires again gets a new start, hence a new occurrence);</li>
 *   <li>a report received before the one that set the current state does not change the state (a slow poll
 *       racing a webhook), except that RESOLVED always wins;</li>
 *   <li>PENDING never follows FIRING or SUPPRESSED (the pending report is older news);</li>
 *   <li>only Alertmanager (webhook, API) knows about silences and inhibitions, so Prometheus saying "firing"
 *       does not lift SUPPRESSED;</li>
 *   <li>the start is the earliest any source reported (Prometheus' activeAt precedes Alertmanager's startsAt
 *       by the rule's {@code for}), whatever order the reports came in;</li>
 *   <li>an empty annotation set does not wipe the stored one.</li>
 * </ul>
 */
final class Merge {

    private static final Set<String> KNOWS_SUPPRESSION = Set.of(IncomingAlert.WEBHOOK, IncomingAlert.ALERTMANAGER);

    /** @param changed state, start, end or annotations changed (receipt bookkeeping does not count) */
    record Outcome(StoredAlert after, boolean changed, Optional<Transition> transition) {}

    private Merge() {}

    static Outcome apply(StoredAlert s, IncomingAlert in, String inAnnotationsJson) {
        Set<String> seenBy = new TreeSet<>(s.seenBy());
        seenBy.add(in.source());
        String generatorUrl = s.generatorUrl().isEmpty() ? in.generatorUrl() : s.generatorUrl();
        String receiver = s.receiver().isEmpty() ? in.receiver() : s.receiver();
        Instant lastReceived = in.receivedAt().isAfter(s.lastReceivedAt()) ? in.receivedAt() : s.lastReceivedAt();

        AlertState state = s.state();
        Instant startsAt = s.startsAt();
        Optional<Instant> endsAt = s.endsAt();
        String annotations = s.annotations();
        boolean stale = in.state() != AlertState.RESOLVED && in.receivedAt().isBefore(s.stateChangedAt());
        if (s.state().isOpen() && !stale) {
            state = next(s.state(), in);
            if (state == AlertState.RESOLVED) endsAt = Optional.of(in.endsAt().orElse(in.receivedAt()));
            else if (in.endsAt().isPresent()) endsAt = in.endsAt();
            if (!in.annotations().isEmpty()) annotations = inAnnotationsJson;
            if (in.startsAt().isBefore(startsAt)) startsAt = in.startsAt();
        }
        boolean stateChanged = state != s.state();
        Instant stateChangedAt = stateChanged ? in.receivedAt() : s.stateChangedAt();
        Optional<Transition> transition = stateChanged
                ? Optional.of(new Transition(s.id(), state == AlertState.RESOLVED ? endsAt.orElseThrow() : in.receivedAt(),
                        s.state(), state, in.source()))
                : Optional.empty();
        boolean changed = stateChanged || !startsAt.equals(s.startsAt()) || !endsAt.equals(s.endsAt())
                || !annotations.equals(s.annotations());
        StoredAlert after = new StoredAlert(s.id(), state, startsAt, endsAt, annotations, Set.copyOf(seenBy), generatorUrl,
                receiver, lastReceived, stateChangedAt);
        return new Outcome(after, changed, transition);
    }

    private static AlertState next(AlertState current, IncomingAlert in) {
        return switch (in.state()) {
            case RESOLVED -> AlertState.RESOLVED;
            case SUPPRESSED -> AlertState.SUPPRESSED;
            case PENDING -> current;
            case FIRING -> current == AlertState.SUPPRESSED && !KNOWS_SUPPRESSION.contains(in.source())
                    ? AlertState.SUPPRESSED : AlertState.FIRING;
        };
    }
}
