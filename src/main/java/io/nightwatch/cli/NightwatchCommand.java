package io.nightwatch.cli;

import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.InvalidEngineAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless face of Nightwatch: every capability as a scriptable command. */
@Command(name = "nightwatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operations console for the observability stack. Without a command, opens the window.",
        subcommands = {StatusCommand.class, FlowCommand.class, ServeCommand.class, AlertsCommand.class, SilenceCommand.class,
                BackupCommand.class, BackupCommand.ListSets.class, RestoreCommand.class, ImageChangeCommand.Upgrade.class, ImageChangeCommand.Rollback.class, SwarmCommand.class, IncidentCommand.class, RunsCommand.class, RunbooksCommand.class,
                AuditCommand.class, DrillCommand.class, RecoverCommand.class, StackCommand.class, HostsCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", resourceBundle = "io.nightwatch.cli.OptionWords",
        exitCodeList = {"0:all services UP", "1:a service DEGRADED or UNKNOWN", "2:a service DOWN",
                "3:a Docker engine unreachable (or not answering within --timeout, default 5 s)",
                "64:invalid arguments, profile or engine address", "70:internal error"})
public class NightwatchCommand {

    private static final Logger LOG = LoggerFactory.getLogger(NightwatchCommand.class);

    public static final int EXIT_ENGINE_UNREACHABLE = 3;
    public static final int EXIT_USAGE = 64;
    public static final int EXIT_SOFTWARE = 70;

    /** Builds the command line with Nightwatch's exit-code conventions (picocli's defaults collide with 1 and 2). */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** As {@link #commandLine()}, with the commands made by {@code factory} (tests hand them an environment). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new NightwatchCommand(), factory);
        applyExitCodes(cli);
        cli.setParameterExceptionHandler(NightwatchCommand::badArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
        return cli;
    }

    /** One line with what is wrong and where help is, instead of picocli's full usage text. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        where.getErr().println("nightwatch: " + oneLine(e.getMessage()) + " (see " + where.getCommandSpec().qualifiedName() + " --help)");
        where.getErr().flush();
        return EXIT_USAGE;
    }

    /**
     * What escaped a command: an engine that is gone is exit 3, an address the operator has to fix 64, anything else
     * 70. One paragraph each; the stack trace goes to the log only (NIGHTWATCH_LOG_LEVEL=DEBUG shows it).
     */
    static int failed(Exception e, CommandLine commandLine) {
        java.io.PrintWriter err = commandLine.getErr();
        int code;
        EngineUnreachableException unreachable = causeOf(e, EngineUnreachableException.class);
        InvalidEngineAddressException badAddress = causeOf(e, InvalidEngineAddressException.class);
        if (unreachable != null) {
            sayUnreachable(err, unreachable);
            code = EXIT_ENGINE_UNREACHABLE;
        } else if (badAddress != null) {
            err.println("nightwatch: " + oneLine(badAddress.getMessage()));
            code = EXIT_USAGE;
        } else {
            err.println("nightwatch: internal error: " + oneLine(String.valueOf(e.getMessage()))
                    + " (NIGHTWATCH_LOG_LEVEL=DEBUG shows the details)");
            code = EXIT_SOFTWARE;
        }
        err.flush();
        LOG.debug("{} ended with exit {}", commandLine.getCommandSpec().qualifiedName(), code, e);
        return code;
    }

    /** An engine that is gone, in one paragraph with what to check by hand. */
    static void sayUnreachable(java.io.PrintWriter err, EngineUnreachableException e) {
        err.println("nightwatch: " + oneLine(e.getMessage()) + ". Check that the engine runs and answers there"
                + " (docker -H " + e.address().uri() + " version).");
        err.flush();
    }

    static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    static String oneLine(String text) {
        if (text == null) return "";
        // an error can quote what the user or an engine sent: it leaves through the catalogue like everything else
        String line = io.nightwatch.redact.Redactor.clean(text.strip().replaceAll("\\s*\\R\\s*", " "));
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static void applyExitCodes(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(EXIT_SOFTWARE);
        cli.getSubcommands().values().forEach(NightwatchCommand::applyExitCodes);
    }
}
