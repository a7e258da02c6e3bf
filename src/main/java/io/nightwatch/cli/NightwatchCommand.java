package io.nightwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless face of Nightwatch: every capability as a scriptable command. */
@Command(name = "nightwatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operations console for the observability stack. Without a command, opens the window.",
        subcommands = {StatusCommand.class, FlowCommand.class, ServeCommand.class, AlertsCommand.class, SilenceCommand.class,
                BackupCommand.class, BackupCommand.ListSets.class, RestoreCommand.class, ImageChangeCommand.Upgrade.class, ImageChangeCommand.Rollback.class, SwarmCommand.class, IncidentCommand.class, RunsCommand.class, RunbooksCommand.class,
                RecoverCommand.class,
                StackCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all services UP", "1:a service DEGRADED or UNKNOWN", "2:a service DOWN",
                "3:a Docker engine unreachable", "64:invalid arguments or profile", "70:internal error"})
public class NightwatchCommand {

    public static final int EXIT_USAGE = 64;
    public static final int EXIT_SOFTWARE = 70;

    /** Builds the command line with Nightwatch's exit-code conventions (picocli's defaults collide with 1 and 2). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NightwatchCommand());
        applyExitCodes(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("nightwatch: " + io.nightwatch.redact.Redactor.clean(e.getMessage()));
            return EXIT_SOFTWARE;
        });
        return cli;
    }

    private static void applyExitCodes(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(EXIT_SOFTWARE);
        cli.getSubcommands().values().forEach(NightwatchCommand::applyExitCodes);
    }
}
