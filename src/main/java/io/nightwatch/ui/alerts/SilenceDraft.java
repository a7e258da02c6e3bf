package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertmanagerClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A silence being written in the dialog: the matchers (prefilled from an alert's labels), a duration and a comment,
 * with the checks Alertmanager would otherwise answer with a 400. Plain values, tested without a toolkit.
 */
public final class SilenceDraft {

    private static final Texts T = Texts.of(SilenceDraft.class);

    /** The labels that say which thing an alert is about, in the order they are offered after alertname. */
    static final List<String> IDENTIFYING = List.of("service", "component", "job", "instance", "container", "host",
            "workspace_id", "namespace", "pod", "stage", "pipeline", "path", "name");
    public static final List<Duration> PRESETS = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    public static final Duration DEFAULT_DURATION = Duration.ofHours(2);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Alertmanager's four matcher operators. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }

        boolean regex() { return this == REGEX || this == NOT_REGEX; }

        boolean equal() { return this == EQUAL || this == REGEX; }

        @Override
        public String toString() { return symbol; }
    }

    /** One matcher as typed. */
    public record Matcher(String name, Op op, String value) {
        public Matcher {
            name = name == null ? "" : name.trim();
            op = op == null ? Op.EQUAL : op;
            value = value == null ? "" : value;
        }

        /** Why Alertmanager would refuse it, or empty. */
        public Optional<String> problem() {
            if (name.isEmpty()) return Optional.of(T.get("problem.noName"));
            if (!LABEL_NAME.matcher(name).matches()) return Optional.of(T.get("problem.badName", name));
            if (value.isEmpty() && op.equal()) return Optional.of(T.get("problem.noValue", name));
            if (op.regex()) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    return Optional.of(T.get("problem.badRegex", name));
                }
            }
            return Optional.empty();
        }

        public AlertmanagerClient.Matcher toAlertmanager() {
            return new AlertmanagerClient.Matcher(name, value, op.regex(), op.equal());
        }

        @Override
        public String toString() { return name + op.symbol() + value; }
    }

    private SilenceDraft() {}

    /** alertname first, then the identifying labels the alert carries; severity is left out (it names no thing). */
    public static List<Matcher> prefill(Map<String, String> labels) {
        List<Matcher> matchers = new ArrayList<>();
        String alertname = labels.get("alertname");
        if (alertname != null && !alertname.isEmpty()) matchers.add(new Matcher("alertname", Op.EQUAL, alertname));
        for (String name : IDENTIFYING) {
            String value = labels.get(name);
            if (value != null && !value.isEmpty()) matchers.add(new Matcher(name, Op.EQUAL, value));
        }
        return List.copyOf(matchers);
    }

    /** The first reason the silence cannot be created yet, or empty when it can. */
    public static Optional<String> problem(List<Matcher> matchers, Duration duration, String comment) {
        if (matchers.isEmpty()) return Optional.of(T.get("problem.noMatcher"));
        for (Matcher m : matchers) {
            Optional<String> p = m.problem();
            if (p.isPresent()) return p;
        }
        if (matchers.stream().allMatch(m -> !m.op().equal() || (m.op().regex() && Pattern.compile(m.value()).matcher("").matches()))) {
            return Optional.of(T.get("problem.matchesAll"));
        }
        if (duration == null || duration.isZero() || duration.isNegative()) return Optional.of(T.get("problem.noDuration"));
        if (comment == null || comment.isBlank()) return Optional.of(T.get("problem.noComment"));
        return Optional.empty();
    }

    /** "alertname=NightwatchServiceDown, service=redis for 2 h". */
    public static String describe(List<Matcher> matchers, Duration duration) {
        return T.get("silence.describe", String.join(", ", matchers.stream().map(Matcher::toString).toList()), label(duration));
    }

    /** "30min", "2h", "3d": a preset's id, the same in every language. */
    static String id(Duration d) {
        if (d.toDays() >= 1 && d.toHoursPart() == 0) return d.toDays() + "d";
        if (d.toHours() >= 1 && d.toMinutesPart() == 0) return d.toHours() + "h";
        return d.toMinutes() + "min";
    }

    /** "30 min", "2 h", "3 d": the preset buttons. */
    public static String label(Duration d) {
        if (d.toDays() >= 1 && d.toHoursPart() == 0) return T.get("silence.days", d.toDays());
        if (d.toHours() >= 1 && d.toMinutesPart() == 0) return T.get("silence.hours", d.toHours());
        return T.get("silence.minutes", d.toMinutes());
    }
}
