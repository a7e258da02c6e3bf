package io.nightwatch.cli;

import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The English help words ({@code messages.properties} of this package) under a bundle name that has no German
 * sibling. Picocli loads an annotation's bundle by the JVM's default locale; the build-time man page generator
 * (packaging/build-deb.sh) must get the same English pages on any machine, so the man pages stay English.
 * At run time {@link NightwatchCommand#commandLine()} sets the bundle of the chosen language instead.
 */
public final class OptionWords extends ResourceBundle {

    private final ResourceBundle english = ResourceBundle.getBundle("io.nightwatch.cli.messages", Locale.ROOT,
            OptionWords.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Override
    protected Object handleGetObject(String key) {
        return english.containsKey(key) ? english.getObject(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return english.getKeys();
    }
}
