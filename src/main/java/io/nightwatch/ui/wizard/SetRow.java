package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.backup.BackupSets.SetInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A backup set as the restore page lists it. Only a complete set that verified cleanly can be chosen; every other
 * set is listed anyway, greyed, with the reason, so an operator never wonders where last night's backup went.
 *
 * @param status the word beside the icon: VERIFIED, INCOMPLETE, DAMAGED, UNVERIFIED
 * @param why    for a set that cannot be chosen, why not; "" otherwise
 */
public record SetRow(SetInfo info, String status, boolean choosable, String why, String facts) {

    public static SetRow of(SetInfo set, Instant now) {
        String facts = WizardWording.size(set.bytes()) + " · " + WizardWording.age(Duration.between(set.created(), now))
                + (set.services().isEmpty() ? "" : " · " + String.join(", ", set.services()));
        if (!set.complete()) {
            return new SetRow(set, "INCOMPLETE", false, "the backup did not finish (no manifest.json); it cannot be restored", facts);
        }
        if (set.verified()) return new SetRow(set, "VERIFIED", true, "", facts);
        if (set.verification().isPresent()) {
            List<String> problems = set.verification().get().problems();
            String first = problems.isEmpty() ? "its verification failed" : problems.get(0);
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
            return new SetRow(set, "DAMAGED", false, first + more, facts);
        }
        return new SetRow(set, "UNVERIFIED", false,
                "never verified; check it first with: nightwatch backup verify " + set.dir(), facts);
    }

    public String id() {
        return info.id();
    }

    public List<String> services() {
        return info.services();
    }

    /** The icon beside the status word. */
    public StepState glyph() {
        return switch (status) {
            case "VERIFIED" -> StepState.DONE;
            case "DAMAGED" -> StepState.FAILED;
            case "INCOMPLETE" -> StepState.UNDO_FAILED;
            default -> StepState.NOT_RUN;
        };
    }
}
