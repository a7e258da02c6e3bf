package io.nightwatch.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Nightwatch watches: the Docker hosts and the services on them, plus how often and how patiently.
 *
 * @param source where it came from ("built-in reference stack" or a file path), shown to the operator
 */
public record StackProfile(List<DockerHostSpec> hosts, List<ServiceSpec> services, Duration pollInterval,
                           Duration probeTimeout, String source, FlowOptions flow) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);

    public StackProfile {
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
    }

    public StackProfile(List<DockerHostSpec> hosts, List<ServiceSpec> services, Duration pollInterval,
                        Duration probeTimeout, String source) {
        this(hosts, services, pollInterval, probeTimeout, source, FlowOptions.DEFAULT);
    }

    public Optional<DockerHostSpec> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
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
        return new StackProfile(newHosts, newServices, pollInterval, probeTimeout, source + " (host " + address + ")", flow);
    }

    public StackProfile withServices(List<ServiceSpec> newServices) {
        return new StackProfile(hosts, newServices, pollInterval, probeTimeout, source, flow);
    }

    /** Every host's engine gets {@code timeout} for its first answer (a command's {@code --timeout}). */
    public StackProfile withEngineTimeout(Duration timeout) {
        return new StackProfile(hosts.stream().map(h -> h.withFirstAnswer(timeout)).toList(), services, pollInterval, probeTimeout, source, flow);
    }

    public StackProfile withTimings(Duration newPollInterval, Duration newProbeTimeout) {
        return new StackProfile(hosts, services, newPollInterval, newProbeTimeout, source, flow);
    }
}
