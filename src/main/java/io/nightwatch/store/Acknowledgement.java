package io.nightwatch.store;

import java.time.Instant;
import java.util.Objects;

/** An operator's "I've got this" on an alert occurrence. */
public record Acknowledgement(String who, Instant at, String note) {
    public Acknowledgement {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }
}
