package io.nightwatch.store;

import java.util.Objects;

/** One matcher of an Alertmanager silence: {@code name=value}, {@code name!=value}, {@code name=~re}, {@code name!~re}. */
public record SilenceMatcher(String name, String value, boolean isRegex, boolean isEqual) {
    public SilenceMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
