package io.nightwatch.stack;

import io.nightwatch.text.Texts;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a parsed YAML tree into a {@link StackProfile}, checking every field it reads. */
final class ProfileReader {

    private static final Texts T = Texts.of(ProfileReader.class);

    // "recovery" (RPO, RTO, SLOs) is read by the readiness audit itself: see io.nightwatch.audit.RecoveryTargets.
    private static final Set<String> TOP_FIELDS = Set.of("pollInterval", "probeTimeout", "hosts", "services", "flow", "recovery");
    private static final Set<String> FLOW_FIELDS = Set.of("interval", "window", "history", "canary");
    private static final Set<String> HOST_FIELDS = Set.of("name", "address", "tlsVerify", "certPath", "helperImage", "nodes", "notDeployed");
    private static final Set<String> NODE_FIELDS = Set.of("name", "address", "tlsVerify", "certPath");
    private static final Set<String> SERVICE_FIELDS = Set.of("name", "kind", "host", "container", "health", "metrics",
            "containerPort", "dataPath", "passwordEnv");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");
    /** Longer than any interval, timeout or history a profile means; small enough for every later sum. */
    private static final Duration LONGEST = Duration.ofDays(30);

    private final Path file;
    private final Map<String, Integer> lines;

    ProfileReader(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    StackProfile read(JsonNode root) throws ProfileException {
        requireObject(root, "", T.get("profile.whole"));
        checkFields(root, "", TOP_FIELDS);
        Duration poll = duration(root, "", "pollInterval", StackProfile.DEFAULT_POLL_INTERVAL);
        Duration timeout = duration(root, "", "probeTimeout", StackProfile.DEFAULT_PROBE_TIMEOUT);
        List<DockerHostSpec> hosts = readHosts(root.get("hosts"));
        List<ServiceSpec> services = readServices(root.get("services"), hosts);
        Set<String> notDeployed = readNotDeployed(root.get("hosts"), hosts, services);
        return new StackProfile(hosts, services, poll, timeout, file.toString(), readFlow(root.get("flow")), notDeployed);
    }

    private FlowOptions readFlow(JsonNode node) throws ProfileException {
        if (node == null || node.isNull()) return FlowOptions.DEFAULT;
        requireObject(node, "/flow", "flow");
        checkFields(node, "/flow", FLOW_FIELDS);
        FlowOptions d = FlowOptions.DEFAULT;
        Duration interval = duration(node, "/flow", "interval", d.interval());
        Duration window = duration(node, "/flow", "window", d.window());
        Duration history = duration(node, "/flow", "history", d.history());
        if (window.compareTo(interval) < 0) throw error("/flow/window", "window", T.get("profile.windowShort", interval.toSeconds()));
        if (history.compareTo(interval.multipliedBy(2)) < 0) throw error("/flow/history", "history", T.get("profile.historyShort"));
        return new FlowOptions(interval, window, history, bool(node, "/flow", "canary").orElse(d.canary()));
    }

    private List<DockerHostSpec> readHosts(JsonNode node) throws ProfileException {
        if (node == null || node.isNull()) return List.of(DockerHostSpec.fromEnvironment(DockerHostSpec.LOCAL));
        requireArray(node, "/hosts", "hosts");
        List<DockerHostSpec> hosts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/hosts/" + i;
            JsonNode host = node.get(i);
            requireObject(host, at, label(at));
            checkFields(host, at, HOST_FIELDS);
            String name = text(host, at, "name").orElse(i == 0 ? DockerHostSpec.LOCAL : null);
            if (name == null) throw error(at, "name", T.get("profile.hostNeedsName"));
            identifier(name, at + "/name", "name", T.get("profile.hostName"));
            if (!names.add(name)) throw error(at + "/name", "name", T.get("profile.hostTwice", name));
            Optional<String> address = text(host, at, "address");
            if (address.isPresent() && !address.get().matches("(unix|tcp|npipe)://.+")) {
                throw error(at + "/address", "address",
                        T.get("profile.hostAddress", address.get()));
            }
            Optional<Boolean> tls = bool(host, at, "tlsVerify");
            Optional<Path> certs = text(host, at, "certPath").map(ProfileReader::expandHome);
            Optional<String> helper = text(host, at, "helperImage");
            if (helper.isPresent() && !helper.get().matches("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}")) {
                throw error(at + "/helperImage", "helperImage", T.get("profile.helperImage", helper.get()));
            }
            // a node's helper containers come from the manager's approved image: the same operator approved it for the stack
            List<DockerHostSpec> nodes = readNodes(host.get("nodes"), at + "/nodes").stream()
                    .map(n -> helper.map(n::withHelperImage).orElse(n)).toList();
            hosts.add(new DockerHostSpec(name, address, tls, certs, helper, DockerHostSpec.DEFAULT_FIRST_ANSWER, nodes));
        }
        if (hosts.isEmpty()) throw error("/hosts", "hosts", T.get("profile.noHosts"));
        return hosts;
    }

    /**
     * {@code hosts[].notDeployed: [loki, grafana]}: services of the profile that this host does not run. Read after the
     * services, since each name must be one of the host's services (a typo would otherwise silently watch it).
     */
    private Set<String> readNotDeployed(JsonNode hostsNode, List<DockerHostSpec> hosts, List<ServiceSpec> services) throws ProfileException {
        Set<String> ids = new java.util.LinkedHashSet<>();
        if (hostsNode == null || hostsNode.isNull()) return ids;
        for (int i = 0; i < hostsNode.size(); i++) {
            String at = "/hosts/" + i + "/notDeployed";
            JsonNode list = hostsNode.get(i).get("notDeployed");
            if (list == null || list.isNull()) continue;
            requireArray(list, at, "notDeployed");
            String host = hosts.get(i).name();
            List<String> known = services.stream().filter(s -> s.host().equals(host)).map(ServiceSpec::name).toList();
            for (int j = 0; j < list.size(); j++) {
                JsonNode item = list.get(j);
                String name = item.isTextual() ? item.asText().trim() : "";
                String problem = ProfileValues.notDeployedProblem(name, known);
                if (problem != null) throw error(at + "/" + j, "notDeployed", T.get("profile.notDeployed", ProfileValues.shown(item.asText()), problem, host));
                ids.add(host + "/" + name);
            }
        }
        return ids;
    }

    /** A Swarm manager's other nodes: each needs the Swarm's name for it and its engine's address. */
    private List<DockerHostSpec> readNodes(JsonNode node, String at) throws ProfileException {
        if (node == null || node.isNull()) return List.of();
        requireArray(node, at, "nodes");
        List<DockerHostSpec> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String here = at + "/" + i;
            JsonNode n = node.get(i);
            requireObject(n, here, label(here));
            checkFields(n, here, NODE_FIELDS);
            String name = text(n, here, "name").orElseThrow(() -> error(here, "name",
                    T.get("profile.nodeNeedsName")));
            if (!names.add(name)) throw error(here + "/name", "name", T.get("profile.nodeTwice", name));
            String address = text(n, here, "address").orElseThrow(() -> error(here, "address",
                    T.get("profile.nodeNeedsAddress", name)));
            if (!address.matches("(unix|tcp|npipe)://.+")) {
                throw error(here + "/address", "address", T.get("profile.nodeAddress", address));
            }
            nodes.add(new DockerHostSpec(name, Optional.of(address), bool(n, here, "tlsVerify"),
                    text(n, here, "certPath").map(ProfileReader::expandHome)));
        }
        return nodes;
    }

    private List<ServiceSpec> readServices(JsonNode node, List<DockerHostSpec> hosts) throws ProfileException {
        if (node == null || node.isNull()) {
            DockerHostSpec first = hosts.get(0);
            return java.util.Arrays.stream(ServiceKind.values()).map(k -> ServiceDefaults.forKind(k, first)).toList();
        }
        requireArray(node, "/services", "services");
        List<ServiceSpec> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ServiceSpec spec = readService(node.get(i), "/services/" + i, hosts);
            if (!ids.add(spec.id())) throw error("/services/" + i + "/name", "name", T.get("profile.serviceTwice", spec.name(), spec.host()));
            services.add(spec);
        }
        return services;
    }

    private ServiceSpec readService(JsonNode service, String at, List<DockerHostSpec> hosts) throws ProfileException {
        requireObject(service, at, label(at));
        checkFields(service, at, SERVICE_FIELDS);
        String kindText = text(service, at, "kind").orElseThrow(() -> error(at, "kind", T.get("profile.kindMissing", ServiceKind.knownIds())));
        ServiceKind kind = ServiceKind.fromId(kindText).orElseThrow(() -> error(at + "/kind", "kind",
                T.get("profile.kindUnknown", kindText, ServiceKind.knownIds())));
        String hostName = text(service, at, "host").orElse(hosts.get(0).name());
        DockerHostSpec host = hosts.stream().filter(h -> h.name().equals(hostName)).findFirst()
                .orElseThrow(() -> error(at + "/host", "host", T.get("profile.noSuchHost", hostName)));
        String name = text(service, at, "name").orElse(kind.id());
        identifier(name, at + "/name", "name", T.get("profile.serviceName"));
        String container = text(service, at, "container").orElse(kind.referenceContainerName());
        if (!ProfileValues.isContainerName(container)) {
            throw error(at + "/container", "container", T.get("profile.container", ProfileValues.shown(container)));
        }
        int containerPort = integer(service, at, "containerPort").orElse(kind.containerPort());
        ServiceSpec defaults = ServiceDefaults.forKind(kind, host, name, container, kind.defaultHostPort());
        Endpoint health = endpoint(service, at, "health", containerPort).orElse(
                new Endpoint(kind.protocol(), defaults.health().directHost(), defaults.health().directPort(), containerPort,
                        defaults.health().path()));
        Optional<Endpoint> metrics = endpoint(service, at, "metrics", containerPort).or(defaults::metrics);
        Optional<String> dataPath = text(service, at, "dataPath").or(kind::dataPath);
        if (dataPath.isPresent()) {
            String problem = ProfileValues.dataPathProblem(dataPath.get());
            if (problem != null) throw error(at + "/dataPath", "dataPath", T.get("profile.dataPath", ProfileValues.shown(dataPath.get()), problem));
        }
        Optional<String> passwordEnv = text(service, at, "passwordEnv");
        if (passwordEnv.isPresent() && !passwordEnv.get().matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw error(at + "/passwordEnv", "passwordEnv", T.get("profile.passwordEnv", ProfileValues.shown(passwordEnv.get())));
        }
        return new ServiceSpec(name, kind, host.name(), container, health, metrics, dataPath, passwordEnv, false);
    }

    private Optional<Endpoint> endpoint(JsonNode node, String at, String field, int containerPort) throws ProfileException {
        Optional<String> url = text(node, at, field);
        if (url.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Endpoint.parse(url.get(), containerPort));
        } catch (IllegalArgumentException e) {
            throw error(at + "/" + field, field, e.getMessage());
        }
    }

    private Duration duration(JsonNode node, String at, String field, Duration fallback) throws ProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return fallback;
        Matcher m = DURATION.matcher(value.asText().trim());
        if (!value.isValueNode() || !m.matches()) {
            throw error(at + "/" + field, field, T.get("profile.duration", value.asText()));
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        // 12 digits of hours still fit a Duration, so the range check below sees every value; nothing overflows.
        Duration parsed = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (parsed.toMillis() < 100) throw error(at + "/" + field, field, T.get("profile.durationShort"));
        if (parsed.compareTo(LONGEST) > 0) throw error(at + "/" + field, field, T.get("profile.durationLong", value.asText()));
        return parsed;
    }

    private Optional<String> text(JsonNode node, String at, String field) throws ProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isValueNode() || value.asText().isBlank()) throw error(at + "/" + field, field, T.get("profile.textEmpty"));
        if (value.asText().length() > 4096) throw error(at + "/" + field, field, T.get("profile.textLong"));
        return Optional.of(value.asText().trim());
    }

    /** Names end up in folder names of backup sets and in commands: a safe identifier only. */
    private void identifier(String name, String pointer, String field, String what) throws ProfileException {
        if (!ProfileValues.isIdentifier(name)) {
            throw error(pointer, field, T.get("profile.identifier", ProfileValues.shown(name), what));
        }
    }

    private Optional<Boolean> bool(JsonNode node, String at, String field) throws ProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isBoolean()) throw error(at + "/" + field, field, T.get("profile.bool", value.asText()));
        return Optional.of(value.booleanValue());
    }

    private Optional<Integer> integer(JsonNode node, String at, String field) throws ProfileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1 || value.intValue() > 65535) {
            throw error(at + "/" + field, field, T.get("profile.port", value.asText()));
        }
        return Optional.of(value.intValue());
    }

    private void checkFields(JsonNode node, String at, Set<String> allowed) throws ProfileException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(at + "/" + name, name, T.get("profile.unknownField", String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
    }

    private void requireObject(JsonNode node, String at, String what) throws ProfileException {
        if (node == null || !node.isObject()) throw error(at, label(at), T.get("profile.notMapping", what));
    }

    private void requireArray(JsonNode node, String at, String what) throws ProfileException {
        if (!node.isArray()) throw error(at, what, T.get("profile.notList"));
    }

    private ProfileException error(String pointer, String field, String problem) {
        return new ProfileException(file, lineOf(pointer), label(pointer).isEmpty() ? field : label(pointer), problem);
    }

    private int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty() || !p.contains("/")) return 0;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** "/services/1/kind" reads better as "services[1].kind". */
    private static String label(String pointer) {
        return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    private static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }
}
