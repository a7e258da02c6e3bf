package io.nightwatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A silence as Nightwatch saw or made it.
 *
 * @param createdByNightwatch true when an operator created it through Nightwatch; once true it stays true even
 *                            when the same silence is later seen by the Alertmanager poller
 * @param endsAt              moved earlier by {@link AlertStore#silenceExpired} when the silence is expired early
 */
public record SilenceRecord(String id, List<SilenceMatcher> matchers, String comment, String createdBy,
                            Instant startsAt, Instant endsAt, boolean createdByNightwatch) {
    public SilenceRecord {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a silence needs its Alertmanager id");
        matchers = List.copyOf(matchers == null ? List.of() : matchers);
        comment = comment == null ? "" : comment;
        createdBy = createdBy == null ? "" : createdBy;
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
