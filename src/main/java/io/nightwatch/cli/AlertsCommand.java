package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.text.Formats;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertHistoryView;
import io.nightwatch.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code nightwatch alerts}: what fired, and when, from the alert history. */
@Command(name = "alerts", mixinStandardHelpOptions = true)
public class AlertsCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(AlertsCommand.class);

    /** sysexits EX_IOERR. */
    static final int EXIT_STORE = 74;

    private static final Pattern AGO = Pattern.compile("(\\d+)([smhdw])");

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--since", paramLabel = "AGE|TIME", defaultValue = "24h")
    String since;

    @Option(names = "--until", paramLabel = "TIME")
    String until;

    @Option(names = "--severity", split = ",", paramLabel = "LEVEL")
    List<String> severities;

    @Option(names = "--state", split = ",", paramLabel = "STATE")
    List<String> states;

    @Option(names = "--service", split = ",", paramLabel = "NAME")
    List<String> services;

    @Option(names = "--text", paramLabel = "WORDS")
    String text;

    @Option(names = "--limit", defaultValue = "200")
    int limit;

    @Option(names = "--json")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public AlertsCommand() {
        this(System.getenv());
    }

    AlertsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AlertQuery query;
        try {
            AlertQuery.Builder b = AlertQuery.builder().since(instant(since)).limit(limit);
            if (until != null) b.until(instant(until));
            if (severities != null) b.severity(severities.toArray(String[]::new));
            if (services != null) b.service(services.toArray(String[]::new));
            if (states != null) b.states(states.stream().map(AlertsCommand::state).collect(Collectors.toSet()));
            if (text != null) b.text(text);
            query = b.build();
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        Path db = storeOptions.resolve(env);
        if (!Files.exists(db)) {
            err.println(NightwatchCommand.PREFIX + T.get("alerts.noHistory", db));
            return 0;
        }
        if (Files.size(db) == 0) {
            err.println(NightwatchCommand.PREFIX + T.get("alerts.emptyHistory", db));
            return 0;
        }
        // Read-only: listing needs no write access, so it works on a history the user may only read.
        try (AlertHistoryView store = AlertHistoryView.open(db)) {
            List<AlertOccurrence> found = store.search(query);
            if (json) {
                out.println(document(found, store.count(query)).toPrettyString());
            } else {
                Instant now = Instant.now();
                for (AlertOccurrence a : found) out.println(line(a, now));
                if (found.isEmpty()) err.println(NightwatchCommand.PREFIX + T.get("alerts.noMatch"));
            }
            out.flush();
        } catch (StoreException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return EXIT_STORE;
        }
        return 0;
    }

    static String line(AlertOccurrence a, Instant now) {
        Duration lasted = Duration.between(a.startsAt(), a.endsAt().orElse(now));
        if (lasted.isNegative()) lasted = Duration.ZERO; // an end before the start (a sender's clock), or a start ahead of ours
        return String.format("%-20s %-9s %-10s %-34s %-14s %-9s %s%s", Formats.dateTimeSeconds(a.startsAt(), java.time.ZoneOffset.UTC),
                a.severity(), stateWord(a.state()), a.alertname(), a.service(),
                Formats.duration(lasted), String.join(",", a.seenBy()),
                a.ack().map(k -> "  " + T.get("alerts.ackBy", k.who())).orElse(""));
    }

    /** pending, firing… in the reader's language (JSON keeps the lower-case token). */
    private static String stateWord(AlertState state) {
        String key = "alertState." + state.name();
        return T.get(key);
    }

    private static ObjectNode document(List<AlertOccurrence> found, long total) {
        ObjectNode root = StatusJson.MAPPER.createObjectNode();
        root.put("total", total);
        ArrayNode list = root.putArray("alerts");
        for (AlertOccurrence a : found) {
            ObjectNode n = list.addObject();
            n.put("id", a.id()).put("fingerprint", a.fingerprint()).put("alertname", a.alertname()).put("severity", a.severity())
                    .put("service", a.service()).put("state", a.state().name().toLowerCase(Locale.ROOT))
                    .put("startsAt", a.startsAt().toString()).put("source", a.source());
            a.endsAt().ifPresent(e -> n.put("endsAt", e.toString()));
            a.seenBy().forEach(n.putArray("seenBy")::add);
            ObjectNode labels = n.putObject("labels");
            a.labels().forEach(labels::put);
            ObjectNode annotations = n.putObject("annotations");
            a.annotations().forEach(annotations::put);
            a.ack().ifPresent(k -> n.putObject("acknowledged").put("by", k.who()).put("at", k.at().toString()).put("note", k.note()));
        }
        return root;
    }

    /** "30m", "6h", "7d", "2w" as a duration; empty for anything else. */
    static java.util.Optional<Duration> age(String text) {
        Matcher m = AGO.matcher(text.trim());
        if (!m.matches()) return java.util.Optional.empty();
        long n = Long.parseLong(m.group(1));
        return java.util.Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        });
    }

    static Instant instant(String text) {
        java.util.Optional<Duration> ago = age(text);
        if (ago.isPresent()) return Instant.now().minus(ago.get());
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(T.get("alerts.badTime", text));
        }
    }

    private static AlertState state(String text) {
        try {
            return AlertState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(T.get("alerts.badState", text));
        }
    }
}
