package io.nightwatch.runbook.rollback;

import io.nightwatch.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One command-line flag set to a new value in a container's arguments, every other argument kept as it was. */
public final class CommandFlags {

    private static final Texts T = Texts.of(CommandFlags.class);

    private static final Pattern FLAG = Pattern.compile("--[a-z0-9][a-z0-9.\\-]*=[^\\s]+");

    private CommandFlags() {}

    /**
     * Checks {@code flag} ({@code --name=value}, no spaces).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static String check(String flag) {
        String f = flag == null ? "" : flag.strip();
        if (!FLAG.matcher(f).matches()) {
            throw new IllegalArgumentException(T.get("flag.error.form", flag));
        }
        return f;
    }

    /**
     * {@code args} with {@code flag} in place of any earlier value of it ({@code --name=old} or {@code --name old}); added at
     * the end when it was not there. {@code alsoReplaces} are older names of the same setting, removed too
     * ({@code --storage.tsdb.retention} for {@code --storage.tsdb.retention.time}).
     */
    public static List<String> set(List<String> args, String flag, List<String> alsoReplaces) {
        String checked = check(flag);
        String name = checked.substring(0, checked.indexOf('='));
        List<String> names = new ArrayList<>(alsoReplaces);
        names.add(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (names.contains(a)) {
                i++; // "--name value": the value goes too
                continue;
            }
            if (names.stream().anyMatch(n -> a.startsWith(n + "="))) continue;
            out.add(a);
        }
        out.add(checked);
        return List.copyOf(out);
    }

    /** The older names Prometheus still reads for a setting. */
    public static List<String> aliasesOf(String flag) {
        return check(flag).startsWith("--storage.tsdb.retention.time=") ? List.of("--storage.tsdb.retention") : List.of();
    }
}
