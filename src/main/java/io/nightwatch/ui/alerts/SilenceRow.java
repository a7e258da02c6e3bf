package io.nightwatch.ui.alerts;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.store.SilenceMatcher;
import io.nightwatch.store.SilenceRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One silence in the Silences list, worded: its matchers, whether Nightwatch made it, until when, by whom and why.
 *
 * @param state "active" or "pending" (starts later); expired silences are not listed
 */
public record SilenceRow(String id, boolean byNightwatch, String matchers, String state, Instant endsAt, String ends,
                         String createdBy, String comment) {

    private static final Texts T = Texts.of(SilenceRow.class);
    static final String NIGHTWATCH_PREFIX = "[nightwatch] ";

    /**
     * Alertmanager's silences that still matter (active or pending), each marked when the history says Nightwatch made
     * it (or its comment carries Nightwatch's prefix, for one made by another Nightwatch).
     */
    public static List<SilenceRow> of(List<AlertmanagerClient.Silence> silences, List<SilenceRecord> history, Instant now, ZoneId zone) {
        Map<String, SilenceRecord> known = new HashMap<>();
        history.forEach(s -> known.put(s.id(), s));
        List<SilenceRow> rows = new ArrayList<>();
        for (AlertmanagerClient.Silence s : silences) {
            if ("expired".equals(s.state()) || !s.endsAt().isAfter(now)) continue;
            SilenceRecord ours = known.get(s.id());
            boolean byNightwatch = (ours != null && ours.createdByNightwatch()) || s.comment().startsWith(NIGHTWATCH_PREFIX);
            rows.add(new SilenceRow(s.id(), byNightwatch, String.join(", ", s.matchers().stream().map(SilenceRow::matcher).toList()),
                    s.state().isEmpty() ? "active" : s.state(), s.endsAt(), ends(s.endsAt(), now, zone), s.createdBy(),
                    stripPrefix(s.comment())));
        }
        rows.sort(Comparator.comparing(SilenceRow::endsAt));
        return List.copyOf(rows);
    }

    /** When Alertmanager cannot be asked: the silences the history knows that have not ended. */
    public static List<SilenceRow> fromHistory(List<SilenceRecord> history, Instant now, ZoneId zone) {
        List<SilenceRow> rows = new ArrayList<>();
        for (SilenceRecord s : history) {
            if (!s.endsAt().isAfter(now)) continue;
            rows.add(new SilenceRow(s.id(), s.createdByNightwatch(),
                    String.join(", ", s.matchers().stream().map(SilenceRow::matcher).toList()),
                    s.startsAt().isAfter(now) ? "pending" : "active", s.endsAt(), ends(s.endsAt(), now, zone), s.createdBy(),
                    stripPrefix(s.comment())));
        }
        rows.sort(Comparator.comparing(SilenceRow::endsAt));
        return List.copyOf(rows);
    }

    static String matcher(AlertmanagerClient.Matcher m) {
        return m.name() + (m.isEqual() ? (m.isRegex() ? "=~" : "=") : (m.isRegex() ? "!~" : "!=")) + m.value();
    }

    static String matcher(SilenceMatcher m) {
        return matcher(new AlertmanagerClient.Matcher(m.name(), m.value(), m.isRegex(), m.isEqual()));
    }

    /** "in 1 h 20 min (04:30)"-like: "in 80 min · 04:30". */
    static String ends(Instant end, Instant now, ZoneId zone) {
        return T.get("silence.endsIn", Formats.duration(Duration.between(now, end)), AlertWording.when(end, now, zone));
    }

    private static String stripPrefix(String comment) {
        return comment.startsWith(NIGHTWATCH_PREFIX) ? comment.substring(NIGHTWATCH_PREFIX.length()) : comment;
    }
}
