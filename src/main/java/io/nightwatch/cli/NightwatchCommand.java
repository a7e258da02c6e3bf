package io.nightwatch.cli;

import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.InvalidEngineAddressException;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless face of Nightwatch: every capability as a scriptable command. Every word, the help included, is in
 * {@code messages.properties} / {@code messages_de.properties} of this package (picocli keys such as
 * {@code nightwatch.status.usage.description} and {@code nightwatch.status.json}); the annotations carry names only.
 */
@Command(name = "nightwatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {StatusCommand.class, FlowCommand.class, ServeCommand.class, AlertsCommand.class, SilenceCommand.class,
                BackupCommand.class, BackupCommand.ListSets.class, RestoreCommand.class, ImageChangeCommand.Upgrade.class, ImageChangeCommand.Rollback.class, SwarmCommand.class, IncidentCommand.class, RunsCommand.class, RunbooksCommand.class,
                AuditCommand.class, DrillCommand.class, RecoverCommand.class, StackCommand.class, HostsCommand.class,
                CommandLine.HelpCommand.class}, resourceBundle = "io.nightwatch.cli.OptionWords")
public class NightwatchCommand {

    private static final Logger LOG = LoggerFactory.getLogger(NightwatchCommand.class);
    private static final Texts T = Texts.of(NightwatchCommand.class);

    /**
     * Shown in the help; Nightwatch.main takes {@code --lang} out of the line before picocli parses it (so it works
     * after a command name too). Given here, it chooses all the same.
     */
    @CommandLine.Option(names = "--lang", paramLabel = "de|en", descriptionKey = "lang")
    void lang(String tag) {
        Language.chooseExplicitly(Language.ofTag(tag));
    }

    /** Every line the CLI writes on stderr starts with the program's name (a tool word, never translated). */
    public static final String PREFIX = "nightwatch: ";

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
        // the help words of the chosen language, not of the JVM's default locale (picocli's own choice)
        cli.setResourceBundle(T.bundle());
        applyExitCodes(cli);
        cli.setExecutionStrategy(NightwatchCommand::executeSpeakingToTools);
        cli.setParameterExceptionHandler(NightwatchCommand::badArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
        return cli;
    }

    /** Why {@code --lang} was refused (the value is missing, or neither de nor en), in the language the system chose. */
    public static String languageRefused(String[] args) {
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            String given = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (given == null) continue;
            try {
                Language.ofTag(given);
            } catch (IllegalArgumentException e) {
                return T.get("lang.unknown", CliValues.shown(given));
            }
        }
        return T.get("lang.missing");
    }

    /**
     * A run with {@code --json} writes for tools: the words the core puts into it (health reasons, probe details) are
     * made in English whatever {@code --lang} says, so the output is the same in both languages.
     */
    private static int executeSpeakingToTools(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json") || "json".equals(p.hasMatchedOption("--format") ? String.valueOf(p.matchedOptionValue("--format", "")) : "")) {
                io.nightwatch.text.Language.use(io.nightwatch.text.Language.EN);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** One line with what is wrong and where help is, instead of picocli's full usage text. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        where.getErr().println(PREFIX + T.get("error.badArguments", oneLine(PicocliWords.say(e)), where.getCommandSpec().qualifiedName()));
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
            err.println(PREFIX + oneLine(badAddress.getMessage()));
            code = EXIT_USAGE;
        } else {
            err.println(PREFIX + T.get("error.internal", oneLine(String.valueOf(e.getMessage()))));
            code = EXIT_SOFTWARE;
        }
        err.flush();
        LOG.debug("{} ended with exit {}", commandLine.getCommandSpec().qualifiedName(), code, e);
        return code;
    }

    /** An engine that is gone, in one paragraph with what to check by hand. */
    static void sayUnreachable(java.io.PrintWriter err, EngineUnreachableException e) {
        err.println(PREFIX + T.get("error.unreachable", oneLine(e.getMessage()), e.address().uri()));
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
