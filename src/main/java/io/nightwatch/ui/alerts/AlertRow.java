package io.nightwatch.ui.alerts;

import io.nightwatch.text.Formats;
import io.nightwatch.ui.controls.Severity;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import io.nightwatch.ui.controls.TimelineLayout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One line of the alert table, already worded. Sorting uses the raw values ({@link #startsAt}, {@link #lasted}, the
 * severity's and state's order), the cells show the words.
 *
 * @param ackBy   who acknowledged it, when someone has
 * @param cause   what it is about ({@link io.nightwatch.alerts.AlertCauses}); "" when unknown
 * @param related on the head of a group of open alerts about one cause: how many others the group holds; else 0
 * @param member  shown beneath its group's head (the group is expanded)
 */
public record AlertRow(long id, Severity severityKind, String severity, String alertname, String service,
                       Instant startsAt, String started, Duration lasted, String duration, AlertState state,
                       String sources, Optional<String> ackBy, String summary, Optional<Instant> endsAt,
                       String cause, int related, boolean member) {

    public static AlertRow of(AlertOccurrence a, Instant now, ZoneId zone) {
        Duration lasted = AlertWording.lasted(a, now);
        return new AlertRow(a.id(), Severity.of(a.severity()), AlertWording.severity(a.severity()), a.alertname(),
                a.service(), a.startsAt(), AlertWording.when(a.startsAt(), now, zone), lasted, Formats.duration(lasted), a.state(),
                AlertWording.sources(a), a.ack().map(k -> k.who()), AlertWording.summary(a), AlertWording.end(a), "", 0, false);
    }

    /** This row as its group shows it: the head with its count of related alerts, or a member beneath it. */
    AlertRow inGroup(String cause, int related, boolean member) {
        return new AlertRow(id, severityKind, severity, alertname, service, startsAt, started, lasted, duration, state, sources,
                ackBy, summary, endsAt, cause, related, member);
    }

    /** How long it has lasted at {@code now}: an open alert keeps growing, a resolved one stays as it ended. */
    public Duration lastedAt(Instant now) {
        if (!open()) return lasted;
        Duration d = Duration.between(startsAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The same row as the table shows it: equal but for how long an open alert has lasted, which the table's duration
     * column reads from the model's clock itself. A refresh that only moved the clock then rebuilds no row.
     */
    boolean sameInTable(AlertRow other) {
        return open() && other.open() ? equals(other.withLasted(lasted, duration)) : equals(other);
    }

    private AlertRow withLasted(Duration lasted, String duration) {
        return new AlertRow(id, severityKind, severity, alertname, service, startsAt, started, lasted, duration, state, sources,
                ackBy, summary, endsAt, cause, related, member);
    }

    /** "FIRING for 3 min", "RESOLVED after 12 min", at {@code now}. */
    public String stateLineAt(Instant now) {
        return AlertWording.stateLine(state, Formats.duration(lastedAt(now)));
    }

    /** "prometheus +1": the first source, and how many others have reported it too (the table's narrow column). */
    public String sourceShort() {
        String[] parts = sources.split(" \\+ ");
        return parts.length == 1 ? parts[0] : parts[0] + " +" + (parts.length - 1);
    }

    public boolean open() {
        return state != AlertState.RESOLVED;
    }

    /** How the timeline draws it. */
    public TimelineLayout.Bar bar() {
        String label = alertname + (service.isEmpty() ? "" : " · " + service) + " · " + severity + " · "
                + AlertWording.stateLine(state, duration) + (summary.isEmpty() ? "" : "\n" + summary);
        return new TimelineLayout.Bar(id, startsAt, open() ? Optional.empty() : endsAt.or(() -> Optional.of(startsAt.plus(lasted))),
                severityKind, state, label);
    }
}
