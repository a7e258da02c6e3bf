package io.nightwatch.stack;

import java.util.Arrays;
import java.util.List;

/** The built-in profile: the reference stack (container names {@code sva-studio-<service>}) on the local engine. */
public final class ReferenceStack {

    public static final String SOURCE = "built-in reference stack"; // tool text: the profile source in JSON and logs

    private ReferenceStack() {}

    public static StackProfile profile() {
        DockerHostSpec local = DockerHostSpec.fromEnvironment(DockerHostSpec.LOCAL);
        List<ServiceSpec> services = Arrays.stream(ServiceKind.values())
                .map(kind -> ServiceDefaults.forKind(kind, local))
                .toList();
        return new StackProfile(List.of(local), services, StackProfile.DEFAULT_POLL_INTERVAL,
                StackProfile.DEFAULT_PROBE_TIMEOUT, SOURCE);
    }
}
