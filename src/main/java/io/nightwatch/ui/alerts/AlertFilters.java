package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the filter bar asks for, as one immutable value the background worker can read: the range, a severity and a
 * service ("" for any), a state choice, and free text.
 *
 * <p>The store filters on start time; an alert that began before the range and is still open belongs in the picture
 * too (a Redis down since yesterday is part of the last hour), so a second query fetches those.
 */
public record AlertFilters(TimeRange range, String severity, StateFilter state, String service, String text) {

    public static final AlertFilters DEFAULT = new AlertFilters(TimeRange.DAY, "", StateFilter.ANY, "", "");

    public AlertFilters {
        range = range == null ? TimeRange.DAY : range;
        severity = severity == null ? "" : severity.trim();
        state = state == null ? StateFilter.ANY : state;
        service = service == null ? "" : service.trim();
        text = text == null ? "" : text.trim();
    }

    public Instant since(Instant now) {
        return now.minus(range.duration());
    }

    /** Alerts that started in the range. */
    public AlertQuery inRange(Instant now, int limit) {
        return base(limit).since(since(now)).states(state.states()).build();
    }

    /** Alerts that started before the range and are still open, when the state choice allows open ones. */
    public Optional<AlertQuery> openBefore(Instant now, int limit) {
        Set<AlertState> open = EnumSet.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED);
        if (!state.states().isEmpty()) open.retainAll(state.states());
        if (open.isEmpty()) return Optional.empty();
        return Optional.of(base(limit).until(since(now)).states(open).build());
    }

    private AlertQuery.Builder base(int limit) {
        AlertQuery.Builder b = AlertQuery.builder().limit(limit);
        if (!severity.isEmpty()) b.severity(severity);
        if (!service.isEmpty()) b.service(service);
        searchText(text).ifPresent(b::text);
        return b;
    }

    /**
     * Typed words as the store's search wants them: every word a prefix, so "red" finds redis while it is typed
     * (the store matches whole words otherwise).
     */
    static Optional<String> searchText(String typed) {
        List<String> words = new ArrayList<>();
        for (String word : typed.trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            words.add(word.endsWith("*") ? word : word + "*");
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }
}
