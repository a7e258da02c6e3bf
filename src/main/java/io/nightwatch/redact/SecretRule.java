package io.nightwatch.redact;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shape of secret: a name (for tests and reports), the kind an export reports, a pattern, and how a match is
 * rewritten. A rewrite that returns null means "looked like it, is not one" (a word after "Bearer", a key whose name
 * is no secret); the search then goes on right after the match. {@code worthRunning} tells from the text in lower case, cheaply, whether
 * the pattern can match at all (a literal it needs, such as "ghp_"): it keeps a long line cheap. {@code kindOf} is the
 * kind of one match, where one pass serves two kinds (a key=value is a password or a forbidden label).
 */
public record SecretRule(String name, Kind kind, Pattern pattern, Rewrite rewrite, Predicate<String> worthRunning,
                         Function<Matcher, Kind> kindOf) {

    /** What replaces the text from the match's start to {@code end} (a rewrite may take in what follows the match). */
    public record Edit(String replacement, int end) {}

    /** The edit for one match of {@code text}, or null to keep it. */
    @FunctionalInterface
    public interface Rewrite {
        Edit apply(Matcher m, String text);
    }

    /** A rewrite of the match alone; returning the match unchanged keeps it. */
    static Rewrite inPlace(Function<Matcher, String> rewrite) {
        return (m, text) -> {
            String replacement = rewrite.apply(m);
            return replacement.equals(m.group()) ? null : new Edit(replacement, m.end());
        };
    }

    /** A rule run only on text that contains one of {@code triggers} (lower case; none: on all text). */
    static SecretRule rule(String name, Kind kind, String regex, Rewrite rewrite, String... triggers) {
        List<String> needed = List.of(triggers);
        return new SecretRule(name, kind, Pattern.compile(regex), rewrite, needed.isEmpty() ? text -> true : text -> {
            for (String t : needed) if (text.contains(t)) return true;
            return false;
        }, m -> kind);
    }

    /** The whole match is the secret. */
    static SecretRule whole(String name, Kind kind, String regex, String... triggers) {
        return rule(name, kind, regex, (m, text) -> new Edit(Redactor.REDACTED, m.end()), triggers);
    }

    /** Only {@code group} is the secret; what surrounds it (a key, a scheme) stays readable. */
    static SecretRule group(String name, Kind kind, String regex, int group, String... triggers) {
        return guarded(name, kind, regex, group, s -> true, triggers);
    }

    /** As {@link #group(String, Kind, String, int, String...)}, where {@code secret} decides whether the group's text is one. */
    static SecretRule guarded(String name, Kind kind, String regex, int group, Predicate<String> secret, String... triggers) {
        return rule(name, kind, regex, (m, text) -> secret.test(m.group(group)) ? new Edit(replaceGroup(m, group), m.end()) : null, triggers);
    }


    static String replaceGroup(Matcher m, int group) {
        String all = m.group();
        int from = m.start(group) - m.start(), to = m.end(group) - m.start();
        return all.substring(0, from) + Redactor.REDACTED + all.substring(to);
    }
}
