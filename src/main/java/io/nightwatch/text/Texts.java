package io.nightwatch.text;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of one package, in the current {@link Language}: {@code messages.properties} (English) and
 * {@code messages_de.properties} (German) beside the package's classes under {@code src/main/resources}. Placeholders
 * are {@code {0}}, {@code {1}}… and nothing else: no MessageFormat quoting, so an apostrophe is just an apostrophe.
 * Callers format numbers, dates and durations with {@link Formats} before passing them.
 *
 * One field per class, named {@code T} (BundleParityTest checks the keys it names): {@code private static final Texts T =
 * Texts.of(DashboardView.class);} and then {@code T.get(key, name)}.
 */
public final class Texts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, Texts> BY_PACKAGE = new ConcurrentHashMap<>();

    private final String baseName;
    private final ClassLoader loader;

    private Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** The bundle of the anchor's package. */
    public static Texts of(Class<?> anchor) {
        String base = anchor.getPackageName() + ".messages";
        return BY_PACKAGE.computeIfAbsent(base, b -> new Texts(b, anchor.getClassLoader()));
    }

    /** The word for the key in the current language, placeholders filled; the key in brackets if it is missing. */
    public String get(String key, Object... args) {
        return in(Language.current(), key, args);
    }

    public String in(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(language.locale()).getString(key);
        } catch (MissingResourceException e) {
            // Never crash a view over a word; the parity test keeps this from shipping.
            return "[" + key + "]";
        }
        return fill(pattern, args);
    }

    public boolean has(String key) {
        try {
            bundle(Language.current().locale()).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** The underlying bundle (FXML takes one for {@code %key}). */
    public ResourceBundle bundle() {
        return bundle(Language.current().locale());
    }

    private ResourceBundle bundle(Locale locale) {
        // German falls back to the English base file per key, never to the machine's default locale.
        return ResourceBundle.getBundle(baseName, locale, loader, NO_FALLBACK);
    }

    static String fill(String pattern, Object... args) {
        if (args == null || args.length == 0 || pattern.indexOf('{') < 0) return pattern;
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i + 1);
                if (close > i + 1 && close - i <= 3 && allDigits(pattern, i + 1, close)) {
                    int index = Integer.parseInt(pattern, i + 1, close, 10);
                    out.append(index < args.length ? String.valueOf(args[index]) : pattern.substring(i, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
