package io.nightwatch.cli;

import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nightwatch [gui] [--profile FILE] [--host URI]}: the window's options, read and checked exactly as the
 * commands read theirs ({@link ProfileOptions}), so a benchmark or an operator can point the window anywhere. The
 * launcher checks them before any window opens (a wrong path is one line on stderr and exit 64, as for the
 * commands); the window reads them again from its launch parameters. No JavaFX here: the launcher opens the window.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, resourceBundle = "io.nightwatch.cli.OptionWords")
public class WindowCommand {

    private static final Texts T = Texts.of(WindowCommand.class);

    private static final List<String> OPTIONS = List.of("--profile", "--host", "-H");

    @Mixin
    ProfileOptions profileOptions;

    /** Whether these arguments ask for the window: none, {@code gui ...}, or only the window's own options. */
    public static boolean wantsWindow(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) return true;
        String first = args[0];
        return OPTIONS.stream().anyMatch(o -> first.equals(o) || first.startsWith(o + "="));
    }

    /** The window's arguments without the leading {@code gui}. */
    public static String[] windowArgs(String[] args) {
        return args.length > 0 && args[0].equals("gui") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    }

    /** What the launcher does with the arguments: open the window over this profile, or exit with this code. */
    public record Decision(Optional<StackProfile> profile, int exitCode) {}

    /**
     * Reads and checks the window's arguments (without {@code gui}): the profile they lead to, or what is wrong on
     * {@code err} and exit 64; {@code --help} prints the usage on {@code out} and exits 0.
     */
    public static Decision check(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        WindowCommand command = new WindowCommand();
        CommandLine cli = new CommandLine(command);
        cli.setResourceBundle(T.bundle());
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                cli.usage(out);
                out.flush();
                return new Decision(Optional.empty(), 0);
            }
        } catch (CommandLine.ParameterException e) {
            err.println(NightwatchCommand.PREFIX + T.get("error.badArguments", NightwatchCommand.oneLine(PicocliWords.say(e)), "nightwatch " + cli.getCommandSpec().name()));
            err.flush();
            return new Decision(Optional.empty(), NightwatchCommand.EXIT_USAGE);
        }
        Optional<StackProfile> profile = command.profileOptions.loadOrReport(env, err);
        return new Decision(profile, profile.isPresent() ? 0 : NightwatchCommand.EXIT_USAGE);
    }

    /** What to say when no window can open (no display, no GTK 3): what is missing, and the CLI instead. */
    public static String cannotOpen(String why) {
        return T.get("window.cannotOpen", why);
    }

    /**
     * The profile for arguments {@link #check} accepted, for the window itself.
     *
     * @throws ProfileException         as {@link ProfileOptions#load} (the profile changed since the check)
     * @throws IllegalArgumentException for arguments that do not parse
     */
    public static StackProfile load(List<String> args, Map<String, String> env) throws ProfileException {
        return parsed(args).profileOptions.load(env);
    }

    /** The profile file these arguments name (else the configured one); empty for the built-in reference stack. */
    public static Optional<java.nio.file.Path> profileFile(List<String> args, Map<String, String> env) {
        return parsed(args).profileOptions.file(env);
    }

    private static WindowCommand parsed(List<String> args) {
        WindowCommand command = new WindowCommand();
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(NightwatchCommand.oneLine(e.getMessage()), e);
        }
        return command;
    }
}
