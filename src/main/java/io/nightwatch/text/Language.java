package io.nightwatch.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language people read: English or German. Chosen once at start-up, before the first word is looked up: an
 * explicit choice ({@code --lang}, the window's setting) wins over {@code NIGHTWATCH_LANG}, which wins over the system
 * locale. Anything that is not German is English. JSON output and log files never go through here: they are for tools.
 */
public enum Language {
    EN(Locale.ENGLISH),
    DE(Locale.GERMAN);

    public static final String ENV = "NIGHTWATCH_LANG";

    private static volatile Language current = fromSystem(System.getenv(), Locale.getDefault());
    private static volatile boolean explicit;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The tag operators type: {@code en} or {@code de}. */
    public String tag() {
        return locale.getLanguage();
    }

    public static Language current() {
        return current;
    }

    /** Sets the language for everything looked up from now on (start-up, or a test that renders German). */
    public static void use(Language language) {
        current = language == null ? EN : language;
    }

    /** {@code --lang} on the command line: the window's own setting must not override it. */
    public static void chooseExplicitly(Language language) {
        use(language);
        explicit = true;
    }

    /** Whether {@code --lang} chose the language for this run. */
    public static boolean explicitlyChosen() {
        return explicit;
    }

    /**
     * Takes {@code --lang de|en} (or {@code --lang=de}) out of the arguments, anywhere before a lone {@code --}, and
     * chooses the language; without it, {@code NIGHTWATCH_LANG} or the system locale decide. Throws for an unknown tag.
     */
    public static String[] takeChoice(String[] args, Map<String, String> env, Locale system) {
        java.util.List<String> rest = new java.util.ArrayList<>(args.length);
        String chosen = null;
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (options && a.equals("--")) options = false;
            if (options && a.equals("--lang")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--lang needs a value: de or en");
                chosen = args[++i];
            } else if (options && a.startsWith("--lang=")) {
                chosen = a.substring("--lang=".length());
            } else {
                rest.add(a);
            }
        }
        if (chosen != null) chooseExplicitly(ofTag(chosen));
        else use(fromSystem(env, system));
        return rest.toArray(String[]::new);
    }

    /** {@code de}, {@code de_DE}, {@code de-AT}, {@code german}, {@code en}…; empty when the word names neither. */
    public static Optional<Language> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) return Optional.empty();
        if (w.equals("de") || w.startsWith("de_") || w.startsWith("de-") || w.startsWith("de.") || w.equals("german") || w.equals("deutsch")) {
            return Optional.of(DE);
        }
        if (w.equals("en") || w.startsWith("en_") || w.startsWith("en-") || w.startsWith("en.") || w.equals("english") || w.equals("englisch")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** Strict form for {@code --lang}: only {@code de} or {@code en}. */
    public static Language ofTag(String tag) {
        return switch (tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT)) {
            case "de" -> DE;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + tag + "': use de or en");
        };
    }

    /** Without an explicit choice: {@code NIGHTWATCH_LANG}, else the system locale (LANG/LC_ALL become the JVM's default). */
    public static Language fromSystem(Map<String, String> env, Locale system) {
        return resolve(null, env, system);
    }

    /** The explicit choice (may be null), then {@code NIGHTWATCH_LANG}, then the system locale. */
    public static Language resolve(String explicit, Map<String, String> env, Locale system) {
        if (explicit != null && !explicit.isBlank()) return ofTag(explicit);
        Optional<Language> fromEnv = parse(env == null ? null : env.get(ENV));
        if (fromEnv.isPresent()) return fromEnv.get();
        return system != null && "de".equals(system.getLanguage()) ? DE : EN;
    }
}
