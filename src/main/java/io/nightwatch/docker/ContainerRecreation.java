package io.nightwatch.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A container made again from another image with the same configuration, the way {@code docker compose} recreates
 * one: everything chosen for the container is kept (env, mounts, ports, labels, networks, limits, healthcheck,
 * restart policy, command); what the container only inherited from its old image (its env, command, entrypoint,
 * labels) comes from the new image, so an upgrade does not freeze the old image's defaults into the new container.
 * Anonymous volumes are carried over by name, so their data is not left behind.
 */
final class ContainerRecreation {

    private static final Set<String> BUILT_IN_NETWORK_MODES = Set.of("host", "none", "bridge", "default");

    private ContainerRecreation() {}

    /** The container's own settings, and what it inherits from {@code image} (null when the image is gone). */
    static ContainerConfig describe(InspectContainerResponse c, InspectImageResponse image) {
        com.github.dockerjava.api.model.ContainerConfig cc = c.getConfig();
        com.github.dockerjava.api.model.ContainerConfig ic = image == null ? null : image.getConfig();
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> inherited = new LinkedHashMap<>();
        Own explicit = Own.of(cc, ic);
        explicit.env.forEach(e -> own.put("env " + key(e), value(e)));
        if (ic != null && ic.getEnv() != null) for (String e : ic.getEnv()) inherited.put("env " + key(e), value(e));
        if (explicit.cmd != null) own.put("command", String.join(" ", explicit.cmd));
        else if (ic != null && ic.getCmd() != null) inherited.put("command", String.join(" ", ic.getCmd()));
        if (explicit.entrypoint != null) own.put("entrypoint", String.join(" ", explicit.entrypoint));
        else if (ic != null && ic.getEntrypoint() != null) inherited.put("entrypoint", String.join(" ", ic.getEntrypoint()));
        explicit.labels.forEach((k, v) -> own.put("label " + k, v));
        if (ic != null && ic.getLabels() != null) ic.getLabels().forEach((k, v) -> inherited.put("label " + k, v));
        putIf(own, "working dir", explicit.workingDir); // tool text: Docker's setting names
        putIf(own, "user", explicit.user);
        if (explicit.healthcheck != null) own.put("healthcheck", describe(explicit.healthcheck));
        for (ExposedPort p : explicit.exposedPorts) own.put("expose " + p, "yes");

        HostConfig h = c.getHostConfig();
        if (h != null) {
            putIf(own, "network mode", h.getNetworkMode()); // tool text: Docker's setting names
            if (h.getMemory() != null && h.getMemory() > 0) own.put("memory", String.valueOf(h.getMemory()));
            if (h.getMemorySwap() != null && h.getMemorySwap() != 0) own.put("memory+swap", String.valueOf(h.getMemorySwap()));
            if (h.getNanoCPUs() != null && h.getNanoCPUs() > 0) own.put("cpus", String.valueOf(h.getNanoCPUs() / 1e9));
            if (h.getCpuQuota() != null && h.getCpuQuota() > 0) own.put("cpu quota", h.getCpuQuota() + "/" + h.getCpuPeriod()); // tool text: Docker's setting names
            if (h.getRestartPolicy() != null && h.getRestartPolicy().getName() != null && !h.getRestartPolicy().getName().isEmpty()) {
                own.put("restart", h.getRestartPolicy().getName()
                        + (h.getRestartPolicy().getMaximumRetryCount() != null && h.getRestartPolicy().getMaximumRetryCount() > 0
                        ? " (max " + h.getRestartPolicy().getMaximumRetryCount() + ")" : ""));
            }
            if (h.getLogConfig() != null && h.getLogConfig().getType() != null) own.put("log driver", h.getLogConfig().getType().getType()); // tool text: Docker's setting names
            if (Boolean.TRUE.equals(h.getPrivileged())) own.put("privileged", "yes");
            if (h.getCapAdd() != null && h.getCapAdd().length > 0) own.put("cap add", Arrays.toString(h.getCapAdd())); // tool text: Docker's setting names
            if (h.getExtraHosts() != null && h.getExtraHosts().length > 0) own.put("extra hosts", String.join(",", h.getExtraHosts())); // tool text: Docker's setting names
            Ports ports = h.getPortBindings();
            if (ports != null) {
                ports.getBindings().forEach((port, bindings) -> own.put("port " + port,
                        bindings == null ? "" : String.join(",", Arrays.stream(bindings)
                                .map(b -> (b.getHostIp() == null || b.getHostIp().isEmpty() ? "" : b.getHostIp() + ":") + b.getHostPortSpec()).toList())));
            }
        }
        if (c.getMounts() != null) {
            for (InspectContainerResponse.Mount m : c.getMounts()) {
                String what = m.getName() != null && !m.getName().isEmpty() ? "volume " + m.getName() : "bind " + m.getSource();
                own.put("mount " + m.getDestination().getPath(), what + (Boolean.FALSE.equals(m.getRW()) ? " (read-only)" : ""));
            }
        }
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
            c.getNetworkSettings().getNetworks().forEach((name, n) -> own.put("network " + name,
                    String.join(",", aliases(n, c.getId()))));
        }
        String imageRef = cc == null || cc.getImage() == null ? c.getImageId() : cc.getImage();
        return new ContainerConfig(strip(c.getName()), imageRef, c.getImageId() == null ? "" : c.getImageId(), own, inherited);
    }

    /** What {@link #create} would make: the container's own settings over the new image's defaults. */
    static ContainerConfig planned(InspectContainerResponse old, InspectImageResponse oldImage, InspectImageResponse newImage, String newRef) {
        return planned(old, oldImage, newImage, newRef, null);
    }

    /** The same, with {@code command} (non-null) as the container's own command. */
    static ContainerConfig planned(InspectContainerResponse old, InspectImageResponse oldImage, InspectImageResponse newImage, String newRef,
                                   List<String> command) {
        ContainerConfig before = describe(old, oldImage);
        ContainerConfig inherited = describe(old, newImage);
        Map<String, String> settings = before.settings();
        if (command != null) {
            settings = new LinkedHashMap<>(settings);
            settings.put("command", String.join(" ", command));
        }
        return new ContainerConfig(before.name(), newRef, newImage.getId(), settings, inherited.imageDefaults());
    }

    /** Creates {@code name} from {@code image} with {@code template}'s own configuration; returns the new id. */
    static String create(DockerClient docker, InspectContainerResponse template, InspectImageResponse oldImage, String name, String image) {
        return create(docker, template, oldImage, name, image, null);
    }

    /** The same, with {@code command} (non-null) instead of the template's command: one flag changed, the rest kept. */
    static String create(DockerClient docker, InspectContainerResponse template, InspectImageResponse oldImage, String name, String image,
                         List<String> command) {
        Own own = Own.of(template.getConfig(), oldImage == null ? null : oldImage.getConfig());
        if (command != null) own = own.withCmd(command);
        HostConfig host = template.getHostConfig() == null ? HostConfig.newHostConfig() : template.getHostConfig();
        host = host.withMounts(withAnonymousVolumes(template, host));
        CreateContainerCmd create = docker.createContainerCmd(image).withName(name).withHostConfig(host)
                .withEnv(own.env).withLabels(own.labels);
        if (own.entrypoint != null) {
            create.withEntrypoint(own.entrypoint);
            // Docker drops the image's CMD when the entrypoint is given: pass the container's own, even when empty.
            create.withCmd(own.cmd != null ? own.cmd : nullToEmpty(template.getConfig().getCmd()));
        } else if (own.cmd != null) {
            create.withCmd(own.cmd);
        }
        if (own.workingDir != null) create.withWorkingDir(own.workingDir);
        if (own.user != null) create.withUser(own.user);
        if (own.healthcheck != null) create.withHealthcheck(own.healthcheck);
        if (!own.exposedPorts.isEmpty()) create.withExposedPorts(own.exposedPorts);
        if (!own.volumes.isEmpty()) create.withVolumes(own.volumes);
        if (Boolean.TRUE.equals(template.getConfig().getTty())) create.withTty(true);
        if (Boolean.TRUE.equals(template.getConfig().getStdinOpen())) create.withStdinOpen(true);
        Map<String, ContainerNetwork> networks = template.getNetworkSettings() == null || template.getNetworkSettings().getNetworks() == null
                ? Map.of() : template.getNetworkSettings().getNetworks();
        String mode = host.getNetworkMode();
        ContainerNetwork primary = mode == null ? null : networks.get(mode);
        if (primary != null && !BUILT_IN_NETWORK_MODES.contains(mode)) create.withAliases(aliases(primary, template.getId()));
        String id = create.exec().getId();
        // Further user-defined networks are joined before the start, with the same aliases and fixed addresses.
        for (Map.Entry<String, ContainerNetwork> n : networks.entrySet()) {
            if (n.getKey().equals(mode) || BUILT_IN_NETWORK_MODES.contains(n.getKey())) continue;
            ContainerNetwork join = new ContainerNetwork().withAliases(aliases(n.getValue(), template.getId()));
            if (n.getValue().getIpamConfig() != null) join.withIpamConfig(n.getValue().getIpamConfig());
            docker.connectToNetworkCmd().withNetworkId(n.getKey()).withContainerId(id).withContainerNetwork(join).exec();
        }
        return id;
    }

    /** The old container's anonymous volumes (the image's VOLUME paths) as named mounts, so the data moves along. */
    private static List<Mount> withAnonymousVolumes(InspectContainerResponse template, HostConfig host) {
        List<Mount> mounts = new ArrayList<>(host.getMounts() == null ? List.of() : host.getMounts());
        Set<String> declared = new HashSet<>();
        mounts.forEach(m -> declared.add(m.getTarget()));
        if (host.getBinds() != null) for (Bind b : host.getBinds()) declared.add(b.getVolume().getPath());
        if (template.getMounts() != null) {
            for (InspectContainerResponse.Mount m : template.getMounts()) {
                String target = m.getDestination().getPath();
                if (m.getName() == null || m.getName().isEmpty() || declared.contains(target)) continue;
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(m.getName()).withTarget(target)
                        .withReadOnly(Boolean.FALSE.equals(m.getRW())));
            }
        }
        return mounts;
    }

    /** The container's own choices, with what equals its image's default left out. */
    private record Own(List<String> env, List<String> cmd, List<String> entrypoint, Map<String, String> labels,
                       String workingDir, String user, HealthCheck healthcheck,
                       List<ExposedPort> exposedPorts, List<Volume> volumes) {

        Own withCmd(List<String> command) {
            return new Own(env, List.copyOf(command), entrypoint, labels, workingDir, user, healthcheck, exposedPorts, volumes);
        }

        static Own of(com.github.dockerjava.api.model.ContainerConfig cc, com.github.dockerjava.api.model.ContainerConfig ic) {
            Set<String> imageEnv = new HashSet<>(ic == null || ic.getEnv() == null ? List.of() : List.of(ic.getEnv()));
            List<String> env = cc.getEnv() == null ? List.of() : Arrays.stream(cc.getEnv()).filter(e -> !imageEnv.contains(e)).toList();
            Map<String, String> imageLabels = ic == null || ic.getLabels() == null ? Map.of() : ic.getLabels();
            Map<String, String> labels = new LinkedHashMap<>();
            if (cc.getLabels() != null) cc.getLabels().forEach((k, v) -> {
                if (!Objects.equals(imageLabels.get(k), v)) labels.put(k, v);
            });
            Set<ExposedPort> imagePorts = new HashSet<>(ic == null || ic.getExposedPorts() == null ? List.of() : List.of(ic.getExposedPorts()));
            List<ExposedPort> ports = cc.getExposedPorts() == null ? List.of()
                    : Arrays.stream(cc.getExposedPorts()).filter(p -> !imagePorts.contains(p)).toList();
            Set<String> imageVolumes = ic == null || ic.getVolumes() == null ? Set.of() : ic.getVolumes().keySet();
            List<Volume> volumes = cc.getVolumes() == null ? List.of() : cc.getVolumes().keySet().stream()
                    .filter(v -> !imageVolumes.contains(v)).map(Volume::new).toList();
            return new Own(env,
                    differs(cc.getCmd(), ic == null ? null : ic.getCmd()) ? nullToEmpty(cc.getCmd()) : null,
                    differs(cc.getEntrypoint(), ic == null ? null : ic.getEntrypoint()) ? nullToEmpty(cc.getEntrypoint()) : null,
                    labels,
                    differentText(cc.getWorkingDir(), ic == null ? null : ic.getWorkingDir()),
                    differentText(cc.getUser(), ic == null ? null : ic.getUser()),
                    cc.getHealthcheck() != null && (ic == null || !describe(cc.getHealthcheck()).equals(describe(ic.getHealthcheck())))
                            ? cc.getHealthcheck() : null,
                    ports, volumes);
        }
    }

    private static boolean differs(String[] a, String[] b) {
        return !Arrays.equals(a == null ? new String[0] : a, b == null ? new String[0] : b);
    }

    private static String differentText(String mine, String image) {
        String m = mine == null ? "" : mine;
        String i = image == null ? "" : image;
        return m.equals(i) || m.isEmpty() ? null : m;
    }

    private static List<String> nullToEmpty(String[] a) {
        return a == null ? List.of() : List.of(a);
    }

    static String describe(HealthCheck h) {
        if (h == null) return "";
        return String.join(" ", h.getTest() == null ? List.of() : h.getTest())
                + " every " + seconds(h.getInterval()) + " timeout " + seconds(h.getTimeout())
                + " retries " + (h.getRetries() == null ? 0 : h.getRetries())
                + (h.getStartPeriod() == null || h.getStartPeriod() == 0 ? "" : " start " + seconds(h.getStartPeriod()));
    }

    private static String seconds(Long nanos) {
        return nanos == null || nanos == 0 ? "default" : (nanos / 1_000_000_000L) + "s";
    }

    /** Aliases without the container's own short id, which the engine adds by itself to every container. */
    private static List<String> aliases(ContainerNetwork n, String containerId) {
        if (n.getAliases() == null) return List.of();
        return n.getAliases().stream().filter(a -> containerId == null || !containerId.startsWith(a)).toList();
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) map.put(key, value);
    }

    private static String key(String env) {
        int eq = env.indexOf('=');
        return eq < 0 ? env : env.substring(0, eq);
    }

    private static String value(String env) {
        int eq = env.indexOf('=');
        return eq < 0 ? "" : env.substring(eq + 1);
    }

    static String strip(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
