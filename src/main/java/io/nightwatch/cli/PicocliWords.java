package io.nightwatch.cli;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * Picocli's own parse errors are English. In English they stay word for word; in German the usual ones (unknown
 * option, missing option, a value a converter refused) are said again from what the exception carries.
 */
final class PicocliWords {

    private static final Texts T = Texts.of(PicocliWords.class);

    private PicocliWords() {}

    static String say(CommandLine.ParameterException e) {
        if (Language.current() == Language.EN) return e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            String key = first.startsWith("-") ? "picocli.unknownOption"
                    : u.getCommandLine().getSubcommands().isEmpty() ? "picocli.unmatched" : "picocli.unknownCommand";
            return T.get(key, first);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            List<String> names = m.getMissing().stream().map(PicocliWords::name).toList();
            return T.get("picocli.missing", "'" + String.join("', '", names) + "'");
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException c && e.getArgSpec() != null) {
            return T.get("picocli.invalidValue", name(e.getArgSpec()), c.getMessage());
        }
        return e.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }
}
