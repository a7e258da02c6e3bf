package io.nightwatch.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Nightwatch watches: the Docker hosts and the services on them, plus how often and how patiently.
 *
 * @param source      where it came from ("built-in reference stack" or a file path), shown to the operator
 * @param notDeployed ids ({@link ServiceSpec#id()}) of the services the operator says are not deployed on their host
 *                    ({@code hosts[].notDeployed}): shown grey, never probed, alerted on, backed up or offered in wizards
 */
public record StackProfile(List<DockerHostSpec> hosts, List<ServiceSpec> services, Duration pollInterval,
                           Duration probeTimeout, String source, FlowOptions flow, Set<String> notDeployed) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);

    public StackProfile {
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
        notDeployed = notDeployed == null ? Set.of() : Set.copyOf(notDeployed);
    }

    public StackProfile(List<DockerHostSpec> hosts, List<ServiceSpec> services, Duration pollInterval,
                        Duration probeTimeout, String source, FlowOptions flow) {
        this(hosts, services, pollInterval, probeTimeout, source, flow, Set.of());
    }

    public StackProfile(List<DockerHostSpec> hosts, List<ServiceSpec> services, Duration pollInterval,
                        Duration probeTimeout, String source) {
        this(hosts, services, pollInterval, probeTimeout, source, FlowOptions.DEFAULT);
    }

    public Optional<DockerHostSpec> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** False when the operator said the service is not deployed on its host. */
    public boolean deployed(ServiceSpec service) {
        return !notDeployed.contains(service.id());
    }

    /** The profile's services less those not deployed, in the profile's order. */
    public List<ServiceSpec> deployedServices() {
        return services.stream().filter(this::deployed).toList();
    }

    /** The same profile with {@code ids} as the services not deployed (the profile's own and the window's marks). */
    public StackProfile withNotDeployed(Set<String> ids) {
        return new StackProfile(hosts, services, pollInterval, probeTimeout, source, flow, ids);
    }

    public List<ServiceSpec> servicesOn(String hostName) {
        return services.stream().filter(s -> s.host().equals(hostName)).toList();
    }

    /**
     * Points the first host at another engine ({@code --host}); services whose health address was derived from
     * that host's address follow it.
     */
    public StackProfile withPrimaryHostAddress(String address) {
        if (hosts.isEmpty()) return this;
        DockerHostSpec primary = hosts.get(0);
        List<DockerHostSpec> newHosts = new ArrayList<>(hosts);
        newHosts.set(0, primary.withAddress(address));
        String oldProbeHost = ServiceDefaults.probeHostFor(primary);
        String newProbeHost = ServiceDefaults.probeHostFor(newHosts.get(0));
        List<ServiceSpec> newServices = services.stream()
                .map(s -> s.host().equals(primary.name()) ? ServiceDefaults.retarget(s, oldProbeHost, newProbeHost) : s)
                .toList();
        return new StackProfile(newHosts, newServices, pollInterval, probeTimeout, source + " (host " + address + ")", flow, notDeployed);
    }

    public StackProfile withServices(List<ServiceSpec> newServices) {
        return new StackProfile(hosts, newServices, pollInterval, probeTimeout, source, flow, notDeployed);
    }

    /** Every host's engine gets {@code timeout} for its first answer (a command's {@code --timeout}). */
    public StackProfile withEngineTimeout(Duration timeout) {
        return new StackProfile(hosts.stream().map(h -> h.withFirstAnswer(timeout)).toList(), services, pollInterval, probeTimeout, source, flow, notDeployed);
    }

    public StackProfile withTimings(Duration newPollInterval, Duration newProbeTimeout) {
        return new StackProfile(hosts, services, newPollInterval, newProbeTimeout, source, flow, notDeployed);
    }
}
