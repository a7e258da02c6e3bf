package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code --yes} and the question it skips: every command that changes the stack asks the same way. */
public class Confirmation {

    private static final Texts T = Texts.of(Confirmation.class);

    /** The exit code of a run the operator declined (as for Ctrl-C). */
    static final int DECLINED = 130;

    // the recover command words it its own way (messages.properties: nightwatch.recover.yes)
    @Option(names = "--yes", descriptionKey = "yes")
    boolean yes;

    boolean given() { return yes; }

    /**
     * Whether to go ahead: {@code --yes}, or "yes" typed on the terminal. Otherwise says that nothing was done; the
     * command then ends with {@link #DECLINED}.
     */
    boolean proceed(PrintWriter err) throws Exception {
        if (yes || RunbookCli.confirmed(err)) return true;
        err.println(NightwatchCommand.PREFIX + T.get("confirm.nothingDone"));
        return false;
    }
}
