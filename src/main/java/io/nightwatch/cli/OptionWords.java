package io.nightwatch.cli;

import java.util.ListResourceBundle;

/**
 * The help words of shared options where a command means something of its own by them, keyed
 * {@code <command path>.<option>} (picocli looks these up before the option's own description). The other words stay
 * on the options; German joins through bundles later (issue 13).
 */
public final class OptionWords extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"nightwatch.restore.services", "Services, comma-separated, or all in the set."},
                {"nightwatch.stack.services", "Services, comma-separated, or all (default: every deployed one)."},
                {"nightwatch.drill.restore.services", "Only these services of the set."},
                {"nightwatch.recover.yes", "Do not ask before acting."},
        };
    }
}
