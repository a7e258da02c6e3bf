package io.nightwatch.stack;

import io.nightwatch.text.Texts;

import java.util.regex.Pattern;

/**
 * What a profile value may look like where it ends up in file names, container commands or an operator's shell:
 * service and host names, container names, data paths. Anything else is refused when the profile is read.
 */
public final class ProfileValues {

    private static final Texts T = Texts.of(ProfileValues.class);

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    /** Docker's own rule for container names. */
    private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");
    /** Path segments of plain characters only: no shell metacharacters, quotes, spaces or globs. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_.@+=,:-]+");

    private ProfileValues() {}

    /** A safe identifier: lower-case letters, digits, {@code _ . -}, starting with a letter or digit, no {@code ..}. */
    public static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches() && !name.contains("..");
    }

    public static boolean isContainerName(String name) {
        return name != null && CONTAINER.matcher(name).matches();
    }

    /**
     * Why {@code path} cannot be a service's data directory, or null when it can: absolute, normalised (no {@code .},
     * {@code ..}, empty segments or trailing slash), not {@code /}, plain characters only.
     */
    public static String dataPathProblem(String path) {
        if (!path.startsWith("/")) return T.get("path.relative");
        if (path.equals("/")) return T.get("path.root");
        if (path.endsWith("/")) return T.get("path.trailingSlash");
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) return T.get("path.emptySegment");
            if (segment.equals(".") || segment.equals("..")) return T.get("path.dotSegment", segment);
            if (!PATH_SEGMENT.matcher(segment).matches()) return T.get("path.characters");
        }
        return null;
    }

    /**
     * Why {@code name} cannot be listed under a host's {@code notDeployed}, or null when it can: it must be the name of
     * one of that host's services ({@code known}), so a typo is refused instead of quietly watching the real service.
     */
    public static String notDeployedProblem(String name, java.util.List<String> known) {
        if (!isIdentifier(name)) return T.get("notDeployed.notName");
        if (!known.contains(name)) return T.get("notDeployed.unknown", String.join(", ", known));
        return null;
    }

    /** A value echoed in an error message: short, one line. */
    static String shown(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
