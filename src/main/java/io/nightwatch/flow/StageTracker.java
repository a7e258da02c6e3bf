package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Follows one stage of one service over time: turns readings into rates, keeps the sparkline, and decides
 * FLOWING / IDLE / STALLED / UNKNOWN. Confined to the flow monitor's thread.
 */
final class StageTracker {

    private static final Texts T = Texts.of(StageTracker.class);

    private final StageSpec spec;
    private final CounterRate total;
    private final Map<String, CounterRate> perLabel = new HashMap<>();
    private final RingSeries series;
    private final long lookBackMillis;

    private OptionalDouble current = OptionalDouble.empty();
    private Map<String, Double> currentBreakdown = Map.of();
    private String note = "";
    private String problem = "";
    private Instant lastFailureAt;
    private Instant levelBadSince;

    /** @param lookBack the span rates are computed over (smooths counters that move in steps) */
    StageTracker(StageSpec spec, int historyPoints, Duration lookBack) {
        this.spec = spec;
        this.series = new RingSeries(historyPoints);
        this.lookBackMillis = lookBack.toMillis();
        this.total = new CounterRate(lookBackMillis);
    }

    StageTracker(StageSpec spec, int historyPoints) {
        this(spec, historyPoints, Duration.ZERO);
    }


    StageSpec spec() { return spec; }

    /** Whether this stage moved in the latest round (what "upstream is active" means for the stages it feeds). */
    boolean moving() {
        return current.isPresent() && current.getAsDouble() > 0;
    }

    /** Step one of a round: take this round's reading. Returns the stage's current figure. */
    OptionalDouble read(Instant at, Reading reading) {
        long millis = at.toEpochMilli();
        if (reading.raw().isEmpty()) {
            current = OptionalDouble.empty();
            problem = reading.problem();
            series.add(millis, Double.NaN);
            return current;
        }
        problem = "";
        note = reading.note();
        if (spec.role() == StageRole.LEVEL) {
            current = reading.raw();
            currentBreakdown = reading.breakdown();
        } else {
            current = total.update(millis, reading.raw().getAsDouble());
            Map<String, Double> rates = new HashMap<>();
            reading.breakdown().forEach((label, value) -> perLabel.computeIfAbsent(label, l -> new CounterRate(lookBackMillis))
                    .update(millis, value).ifPresent(r -> rates.put(label, r)));
            currentBreakdown = rates;
            if (spec.role() == StageRole.FAILURES && current.isPresent() && current.getAsDouble() > 0) lastFailureAt = at;
        }
        series.add(millis, current.orElse(Double.NaN));
        return current;
    }

    /** Step two: decide the state, knowing whether what feeds this stage is moving. */
    StageStatus decide(Instant at, Duration window, boolean upstreamActive, String upstreamName,
                       String serviceId, String serviceName, String host) {
        FlowState state;
        String detail;
        if (current.isEmpty()) {
            state = FlowState.UNKNOWN;
            detail = problem.isEmpty() ? T.get("stage.waitingSecond") : problem;
        } else {
            double value = current.getAsDouble();
            switch (spec.role()) {
                case THROUGHPUT -> {
                    if (value > 0) {
                        state = FlowState.FLOWING;
                        detail = breakdownText();
                    } else {
                        Duration quiet = Duration.between(Instant.ofEpochMilli(total.lastMovedOrFirstSeenAtMillis()), at);
                        boolean stalled = upstreamActive && quiet.compareTo(window) >= 0;
                        state = stalled ? FlowState.STALLED : FlowState.IDLE;
                        detail = T.get(upstreamActive ? "stage.nothingWhileUp" : "stage.nothingEither", Formats.duration(quiet), upstreamName);
                    }
                }
                case QUIET_THROUGHPUT -> {
                    state = value > 0 ? FlowState.FLOWING : FlowState.IDLE;
                    detail = value > 0 ? breakdownText() : T.get("stage.quiet");
                }
                case FAILURES -> {
                    boolean failing = lastFailureAt != null && Duration.between(lastFailureAt, at).compareTo(window) < 0;
                    state = failing ? FlowState.STALLED : FlowState.IDLE;
                    detail = failing ? (value > 0 ? T.get("stage.failingNow") : T.get("stage.failedAgo", Formats.duration(Duration.between(lastFailureAt, at))))
                            + breakdownSuffix() : T.get("stage.noFailures");
                }
                default -> { // LEVEL
                    if (spec.signal() instanceof Signal.TargetsDown && value > 0) {
                        if (levelBadSince == null) levelBadSince = at;
                        Duration down = Duration.between(levelBadSince, at);
                        state = down.compareTo(window) >= 0 ? FlowState.STALLED : FlowState.FLOWING;
                        detail = T.get("stage.downFor", (long) value, Formats.duration(down)) + breakdownSuffix();
                    } else {
                        levelBadSince = null;
                        state = FlowState.FLOWING;
                        detail = note.isEmpty() ? breakdownText() : note;
                    }
                }
            }
        }
        return new StageStatus(serviceId, serviceName, host, spec, state, current, detail, series.snapshot(), at);
    }

    private String breakdownSuffix() {
        String text = breakdownText();
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private String breakdownText() {
        return currentBreakdown.entrySet().stream()
                .filter(e -> e.getValue() != 0 || spec.signal() instanceof Signal.TargetsDown)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> spec.signal() instanceof Signal.TargetsDown ? e.getKey() : e.getKey() + " " + Rates.format(e.getValue(), spec.unit()))
                .collect(Collectors.joining(", "));
    }
}
