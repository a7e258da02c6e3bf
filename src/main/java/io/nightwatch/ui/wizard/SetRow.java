package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.backup.BackupSets.SetInfo;
import io.nightwatch.text.Texts;

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

    private static final Texts T = Texts.of(SetRow.class);
    /** Keys of the form setStatus.NAME, one per value. */
    private static final String KEYS_SET_STATUS = "setStatus.";
    /** Keys of the form setStatus.inText.NAME, one per value. */
    private static final String KEYS_SET_STATUS_IN_TEXT = "setStatus.inText.";

    public static SetRow of(SetInfo set, Instant now) {
        String facts = WizardWording.size(set.bytes()) + " · " + WizardWording.age(Duration.between(set.created(), now))
                + (set.services().isEmpty() ? "" : " · " + String.join(", ", set.services()));
        if (!set.complete()) {
            return new SetRow(set, "INCOMPLETE", false, T.get("set.incomplete"), facts);
        }
        if (set.verified()) return new SetRow(set, "VERIFIED", true, "", facts);
        if (set.verification().isPresent()) {
            List<String> problems = set.verification().get().problems();
            String first = problems.isEmpty() ? T.get("set.verificationFailed") : problems.get(0);
            String more = problems.size() > 1 ? T.get("set.andMore", problems.size() - 1) : "";
            return new SetRow(set, "DAMAGED", false, first + more, facts);
        }
        return new SetRow(set, "UNVERIFIED", false,
                T.get("set.unverified", "nightwatch backup verify " + set.dir()), facts); // tool text: the command
    }

    /** The status as the list shows it beside the icon, in the current language. */
    public String statusWord() {
        return T.get(KEYS_SET_STATUS + status);
    }

    /** The status inside a sentence ("verified"). */
    public String statusInText() {
        return T.get(KEYS_SET_STATUS_IN_TEXT + status);
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
