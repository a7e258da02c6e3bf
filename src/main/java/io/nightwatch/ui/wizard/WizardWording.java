package io.nightwatch.ui.wizard;

import io.nightwatch.text.Bytes;
import io.nightwatch.text.Durations;
import io.nightwatch.runbook.RunResult.Outcome;

import java.time.Duration;
import java.util.Locale;

/** The wizard's words for durations, ages, sizes and outcomes; pure, so they are tested without a toolkit. */
public final class WizardWording {

    private WizardWording() {}

    /** A run's or a step's duration, with the precision an operator wants: "0.4 s", "12.3 s", "2 min 05 s", "1 h 03 min". */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        long s = ms / 1000;
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** "3 h ago"; "just now" under a minute; "in the future" for a clock that went back. */
    public static String age(Duration d) {
        if (d.isNegative()) return "in the future";
        if (d.compareTo(Duration.ofMinutes(1)) < 0) return "just now";
        return Durations.human(d) + " ago";
    }

    public static String size(long bytes) {
        return Bytes.human(bytes);
    }

    /** The outcome as a word beside its icon. */
    static String outcomeWord(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED_COMPENSATED -> "FAILED";
            case FAILED_COMPENSATION_INCOMPLETE -> "UNDO INCOMPLETE";
            case CANCELLED -> "CANCELLED";
            case ABORTED -> "ABORTED";
        };
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
        return switch (outcome) {
            case SUCCEEDED -> "The " + what + " completed and every step was verified.";
            case FAILED_COMPENSATED -> "The " + what + " failed. Everything it had changed was undone; the system is as before.";
            case FAILED_COMPENSATION_INCOMPLETE -> "The " + what + " failed and undoing did not complete: the system is partly "
                    + "changed. Finish by hand as described below.";
            case CANCELLED -> "Cancelled. Everything the " + what + " had changed was undone; the system is as before.";
            case ABORTED -> "The interrupted " + what + " was aborted. Everything it had changed was undone.";
        };
    }
}
