package io.nightwatch.ui.fx;

import io.nightwatch.text.Texts;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An enum's values as pseudo-classes ({@code HealthState.DOWN} → {@code :down}), so stylesheets, not code, decide
 * what a state looks like; and the word shown beside it, since colour is never the only signal.
 *
 * @param <E> the states, e.g. {@code HealthState}, {@code FlowState}, {@code AlertState}
 */
public final class EnumStyles<E extends Enum<E>> {

    private static final Texts T = Texts.of(EnumStyles.class);

    private final Map<E, PseudoClass> classes;
    private final E whenNull;
    private final String wordsKey;

    private EnumStyles(Class<E> type, E whenNull, Function<E, String> name) {
        this.wordsKey = "state." + type.getSimpleName() + ".";
        this.classes = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) classes.put(value, PseudoClass.getPseudoClass(name.apply(value)));
        this.whenNull = whenNull;
    }

    /** Pseudo-classes named after the values in lower case; {@code null} is shown as {@code whenNull} (null: as none). */
    public static <E extends Enum<E>> EnumStyles<E> of(Class<E> type, E whenNull) {
        return new EnumStyles<>(type, whenNull, v -> v.name().toLowerCase(Locale.ROOT));
    }

    /** As {@link #of(Class, Object)}, with the pseudo-class names given ({@code UNDO_FAILED} → {@code undo-failed}). */
    public static <E extends Enum<E>> EnumStyles<E> of(Class<E> type, E whenNull, Function<E, String> name) {
        return new EnumStyles<>(type, whenNull, name);
    }

    public PseudoClass of(E value) {
        return classes.get(value);
    }

    /** Switches {@code node} to exactly the pseudo-class of {@code value} (of the null stand-in, or none). */
    public void apply(Node node, E value) {
        E shown = value == null ? whenNull : value;
        classes.forEach((v, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, v == shown));
    }

    /** Clears every pseudo-class of this enum from {@code node}. */
    public void clear(Node node) {
        classes.values().forEach(pseudoClass -> node.pseudoClassStateChanged(pseudoClass, false));
    }

    /**
     * The word shown next to a glyph, in the current language (in English the value's name), the stand-in's for
     * null, or "" without one.
     */
    public String label(E value) {
        E shown = value == null ? whenNull : value;
        if (shown == null) return "";
        String key = wordsKey + shown.name();
        return T.has(key) ? T.get(key) : shown.name();
    }
}
