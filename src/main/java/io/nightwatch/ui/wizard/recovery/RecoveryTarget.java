package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.text.Texts;

/**
 * A service a recovery can be about: its name and host (services are unique per host), and a few words beside it.
 *
 * @param detail what the combo box does not say already, e.g. "redis · sva-studio-redis" (kind and container)
 */
public record RecoveryTarget(String service, String host, String detail) {

    private static final Texts T = Texts.of(RecoveryTarget.class);

    public static RecoveryTarget of(ServiceSpec spec) {
        return new RecoveryTarget(spec.name(), spec.host(), spec.kind().id() + " · " + spec.container());
    }

    /** The combo box's words. */
    @Override
    public String toString() {
        return T.get("target", service, host);
    }
}
