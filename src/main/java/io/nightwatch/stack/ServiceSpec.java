package io.nightwatch.stack;

import java.util.Optional;

/**
 * One service Nightwatch watches.
 *
 * @param host          the name of the {@link DockerHostSpec} it runs on
 * @param health        where its health is asked
 * @param metrics       its own metrics endpoint, if it has one
 * @param credentialEnv name of an environment variable holding its password (never the password itself)
 * @param discovered    true when found on the engine rather than named in the profile
 */
public record ServiceSpec(String name, ServiceKind kind, String host, String container, Endpoint health,
                          Optional<Endpoint> metrics, Optional<String> dataPath, Optional<String> credentialEnv,
                          boolean discovered) {

    /** Stable identity across snapshots: a service is unique per host. */
    public String id() { return host + "/" + name; }

    /** Upgrades and rollbacks keep the old container as {@code <container>-kept-<time>} until it is retired. */
    public static final String KEPT_INFIX = "-kept-";

    /** Whether {@code containerName} is a container an upgrade or rollback of this service kept as the way back. */
    public boolean isKeptCopy(String containerName) {
        return containerName.startsWith(container + KEPT_INFIX);
    }
}
