package io.nightwatch.audit;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sentence of the audit in no language yet: the JSON takes it in English (tools read it), the reports and the window
 * in the reader's language. A bundle key with its arguments (an argument that is itself {@code Words} is rendered in
 * the same language), or plain text that reads the same in both (names, values, config snippets: code is never translated).
 *
 * @param key  the key in this package's bundle; null for plain text (then the arguments are joined as they are)
 */
public record Words(String key, List<Object> args) {

    private static final Texts T = Texts.of(Words.class);
    public static final Words NONE = plain("");

    public Words {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The words of {@code key}, placeholders filled with {@code args}. */
    public static Words say(String key, Object... args) {
        return new Words(key, java.util.Arrays.asList(args));
    }

    /** Text that is the same in every language. */
    public static Words plain(String text) {
        return new Words(null, List.of(text == null ? "" : text));
    }

    /** The parts one after the other, each in the same language. */
    public static Words concat(Object... parts) {
        return new Words(null, java.util.Arrays.asList(parts));
    }

    public String in(Language language) {
        Object[] rendered = new Object[args.size()];
        for (int i = 0; i < rendered.length; i++) {
            Object a = args.get(i);
            rendered[i] = a instanceof Words w ? w.in(language) : String.valueOf(a);
        }
        if (key != null) return T.in(language, key, rendered);
        StringBuilder b = new StringBuilder();
        for (Object r : rendered) b.append(r);
        return b.toString();
    }

    /** In the current language. */
    public String text() {
        return in(Language.current());
    }

    /** English: what JSON and logs carry. */
    public String english() {
        return in(Language.EN);
    }

    public boolean isBlank() {
        return english().isBlank();
    }

    @Override
    public String toString() {
        return english();
    }
}
