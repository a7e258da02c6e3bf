package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a container is configured, in words an operator compares. {@code settings} is what was chosen for this
 * container (env, mounts, ports, labels, networks, limits, healthcheck, restart policy, command), which a recreation
 * keeps as it is; {@code imageDefaults} is what it inherits from its image (the image's own env, command,
 * entrypoint, labels), which a recreation takes from the new image instead.
 *
 * @param image   the image reference the container was created from, e.g. {@code prom/prometheus:v2.52.0}
 * @param imageId the image's content id ({@code sha256:…})
 */
public record ContainerConfig(String name, String image, String imageId, Map<String, String> settings,
                              Map<String, String> imageDefaults) {

    private static final Texts T = Texts.of(ContainerConfig.class);

    public ContainerConfig {
        Objects.requireNonNull(name);
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        imageDefaults = Collections.unmodifiableMap(new TreeMap<>(imageDefaults));
    }

    /** One line of a comparison: a setting that differs, was added or was removed. */
    public record Difference(String setting, String before, String after) {
        @Override
        public String toString() {
            if (before.isEmpty()) return setting + ": (none) → " + after;
            if (after.isEmpty()) return setting + ": " + before + " → (none)";
            return setting + ": " + before + " → " + after;
        }
    }

    /** What differs from {@code other}: the image first, then the container's own settings, then image defaults. */
    public List<Difference> differencesTo(ContainerConfig other) {
        List<Difference> out = new ArrayList<>();
        if (!image.equals(other.image)) out.add(new Difference("image", image, other.image));
        compare(settings, other.settings, "", out);
        compare(imageDefaults, other.imageDefaults, T.get("config.fromImage"), out);
        return out;
    }

    /** Only the container's own settings differ: what "the same configuration" means for a recreation. */
    public List<Difference> settingDifferencesTo(ContainerConfig other) {
        List<Difference> out = new ArrayList<>();
        compare(settings, other.settings, "", out);
        return out;
    }

    private static void compare(Map<String, String> a, Map<String, String> b, String suffix, List<Difference> out) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            String before = a.getOrDefault(key, "");
            String after = b.getOrDefault(key, "");
            if (!before.equals(after)) out.add(new Difference(key + suffix, before, after));
        }
    }
}
