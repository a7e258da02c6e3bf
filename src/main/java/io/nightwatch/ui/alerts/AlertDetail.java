package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertState;
import io.nightwatch.text.Texts;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.Transition;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the detail pane shows about one alert occurrence, worded: the state line, the summary, the runbook
 * step, the acknowledgement, when and from where, all labels and annotations, and the state transitions.
 *
 * @param ack         "" when nobody has acknowledged it
 * @param transitions oldest first, starting with how it arrived
 * @param runbook     the recovery scenario that fits, with the service and host the alert names, for "Open runbook"
 */
public record AlertDetail(long id, AlertRow row, String stateLine, String summary, Optional<String> hint, String ack,
                          List<Field> facts, List<Field> labels, List<Field> annotations, List<String> transitions,
                          String generatorUrl, Map<String, String> labelMap, Optional<Runbook> runbook) {

    private static final Texts T = Texts.of(AlertDetail.class);

    /** A recovery scenario for this alert, and where: {@code host} is "" when the alert does not say. */
    public record Runbook(io.nightwatch.alerts.RunbookHints.Scenario scenario, String service, String host) {

        static Optional<Runbook> of(AlertOccurrence a) {
            String service = a.labels().getOrDefault("service", a.service());
            return io.nightwatch.alerts.RunbookHints.scenarioFor(a).map(s -> new Runbook(s, service, a.labels().getOrDefault("host", "")));
        }
    }

    /** One name and its value, as a row of a grid. */
    public record Field(String name, String value) {}

    public static AlertDetail of(AlertOccurrence a, List<Transition> transitions, Optional<String> hint, Instant now, ZoneId zone) {
        AlertRow row = AlertRow.of(a, now, zone);
        List<Field> facts = new ArrayList<>();
        facts.add(new Field(T.get("fact.started"), AlertWording.full(a.startsAt(), now, zone)));
        AlertWording.end(a).ifPresent(end -> facts.add(new Field(T.get("fact.ended"), AlertWording.full(end, now, zone))));
        facts.add(new Field(a.isOpen() ? soFar() : T.get("fact.lasted"), row.duration()));
        facts.add(new Field(T.get("fact.severity"), row.severity()));
        if (!a.service().isEmpty()) facts.add(new Field(T.get("fact.service"), a.service()));
        facts.add(new Field(T.get("fact.source"), row.sources()));
        if (!a.receiver().isEmpty()) facts.add(new Field(T.get("fact.receiver"), a.receiver()));
        String received = AlertWording.when(a.firstReceivedAt(), now, zone);
        facts.add(new Field(T.get("fact.received"), a.lastReceivedAt().equals(a.firstReceivedAt()) ? received
                : T.get("fact.receivedLast", received, AlertWording.when(a.lastReceivedAt(), now, zone))));
        facts.add(new Field(T.get("fact.fingerprint"), a.fingerprint()));

        List<Field> labels = new ArrayList<>();
        if (a.labels().containsKey("alertname")) labels.add(new Field("alertname", a.labels().get("alertname")));
        a.labels().forEach((k, v) -> { if (!k.equals("alertname")) labels.add(new Field(k, v)); });
        List<Field> annotations = new ArrayList<>();
        a.annotations().forEach((k, v) -> annotations.add(new Field(k, v)));

        List<String> lines = new ArrayList<>();
        lines.add(AlertWording.when(a.startsAt(), now, zone) + "  " + T.get("transition.began", AlertWording.state(firstState(a, transitions)), a.source()));
        for (Transition t : transitions) {
            lines.add(AlertWording.when(t.at(), now, zone) + "  " + AlertWording.state(t.from()) + " → " + AlertWording.state(t.to()) + " (" + t.source() + ")");
        }
        String ack = a.ack().map(k -> T.get("acknowledgedBy", k.who(), AlertWording.full(k.at(), now, zone))
                + (k.note().isBlank() ? "" : ": " + k.note().strip())).orElse("");
        return new AlertDetail(a.id(), row, AlertWording.stateLine(a, now), AlertWording.summary(a), hint, ack, List.copyOf(facts),
                List.copyOf(labels), List.copyOf(annotations), List.copyOf(lines), a.generatorUrl(), Map.copyOf(a.labels()), Runbook.of(a));
    }

    /** The state it was inserted with: the first transition's "from", or its state now when it never changed. */
    private static AlertState firstState(AlertOccurrence a, List<Transition> transitions) {
        return transitions.isEmpty() ? a.state() : transitions.get(0).from();
    }

    /** The name of the open alert's duration field, which the detail pane keeps ticking. */
    static String soFar() {
        return T.get("fact.soFar");
    }

    public String alertname() { return row.alertname(); }
}
