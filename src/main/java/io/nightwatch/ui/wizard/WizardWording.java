package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.text.Bytes;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.Locale;

/** The wizard's words for durations, ages, sizes and outcomes; pure, so they are tested without a toolkit. */
public final class WizardWording {

    private static final Texts T = Texts.of(WizardWording.class);
    /** Keys of the form outcome.NAME, one per value. */
    private static final String KEYS_OUTCOME = "outcome.";
    /** Keys of the form headline.NAME, one per value. */
    private static final String KEYS_HEADLINE = "headline.";

    private WizardWording() {}

    /** A run's or a step's duration, with the precision an operator wants: "0.4 s", "12.3 s", "2 min 05 s", "1 h 03 min". */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) return T.get("duration.seconds", Formats.fixed(ms / 1000.0, 1));
        long s = ms / 1000;
        if (s < 3600) return T.get("duration.minutes", s / 60, String.format(Locale.ROOT, "%02d", s % 60));
        return T.get("duration.hours", s / 3600, String.format(Locale.ROOT, "%02d", (s % 3600) / 60));
    }

    /** "3 h ago"; "just now" under a minute; "in the future" for a clock that went back. */
    public static String age(Duration d) {
        if (d.isNegative()) return T.get("age.future");
        if (d.compareTo(Duration.ofMinutes(1)) < 0) return T.get("age.justNow");
        return T.get("age.ago", Formats.duration(d));
    }

    public static String size(long bytes) {
        return Bytes.human(bytes);
    }

    /** The outcome as a word beside its icon. */
    static String outcomeWord(Outcome outcome) {
        return T.get(KEYS_OUTCOME + outcome.name());
    }

    /** The icon the outcome shares with a step in the same situation. */
    static StepState outcomeGlyph(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> StepState.DONE;
            case FAILED_COMPENSATED -> StepState.FAILED;
            case FAILED_COMPENSATION_INCOMPLETE -> StepState.UNDO_FAILED;
            case CANCELLED, ABORTED -> StepState.UNDONE;
        };
    }

    /** One sentence under the outcome: what it means for the system. {@code what} is "backup" or "restore". */
    static String headline(Outcome outcome, String what) {
        return T.get(KEYS_HEADLINE + outcome.name(), what);
    }
}
