package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.docker.KnownEngines;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch hosts}: the engines the profile and the Docker contexts name, and whether each answers. */
@Command(name = "hosts", mixinStandardHelpOptions = true)
public class HostsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Texts T = Texts.of(HostsCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS")
    double timeoutSeconds = 5;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public HostsCommand() {
        this(System.getenv());
    }

    HostsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(timeoutSeconds >= 0.1 && timeoutSeconds <= 600)) {
            spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("hosts.badTimeout", timeoutSeconds));
            return NightwatchCommand.EXIT_USAGE;
        }
        // An unusable address is a line of the listing here, not a reason to list nothing.
        StackProfile profile;
        try {
            profile = profileOptions.load(env);
        } catch (io.nightwatch.stack.ProfileException | io.nightwatch.docker.InvalidEngineAddressException e) {
            spec.commandLine().getErr().println(NightwatchCommand.PREFIX + NightwatchCommand.oneLine(e.getMessage()));
            return NightwatchCommand.EXIT_USAGE;
        }
        List<DockerHostSpec> hosts = profile.hosts();
        List<KnownEngines.Reach> reached = KnownEngines.reach(
                KnownEngines.list(hosts, env, Duration.ofMillis((long) (timeoutSeconds * 1000))));
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(reached).toPrettyString());
        else text(reached, out);
        out.flush();
        return reached.stream().allMatch(KnownEngines.Reach::reachable) ? 0 : NightwatchCommand.EXIT_ENGINE_UNREACHABLE;
    }

    private static ObjectNode json(List<KnownEngines.Reach> reached) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode engines = doc.putArray("engines");
        for (KnownEngines.Reach r : reached) {
            ObjectNode e = engines.addObject();
            e.put("source", r.entry().source());
            e.put("name", r.entry().name());
            e.put("address", r.entry().uri());
            e.put("current", r.entry().current());
            e.put("reachable", r.reachable());
            r.engineVersion().ifPresentOrElse(v -> e.put("engineVersion", v), () -> e.putNull("engineVersion"));
            if (r.reachable()) e.put("latencyMs", r.millis());
            r.reason().ifPresentOrElse(v -> e.put("reason", v), () -> e.putNull("reason"));
        }
        return doc;
    }

    private static void text(List<KnownEngines.Reach> reached, PrintWriter out) {
        if (reached.isEmpty()) {
            out.println(T.get("hosts.none"));
            return;
        }
        int nameWidth = Math.max(T.get("hosts.name").length(), reached.stream().mapToInt(r -> r.entry().name().length() + (r.entry().current() ? 2 : 0)).max().orElse(0));
        int addressWidth = Math.max(T.get("hosts.address").length(), reached.stream().mapToInt(r -> r.entry().uri().length()).max().orElse(0));
        String format = "%-8s %-" + nameWidth + "s %-" + addressWidth + "s %s%n";
        out.printf(format, T.get("hosts.source"), T.get("hosts.name"), T.get("hosts.address"), T.get("hosts.state"));
        for (KnownEngines.Reach r : reached) {
            String state = r.reachable()
                    ? T.get("hosts.up", r.engineVersion().orElse("?"), r.millis())
                    : T.get("hosts.unreachable", NightwatchCommand.oneLine(r.reason().orElse(T.get("hosts.noAnswer"))));
            out.printf(format, r.entry().source(), r.entry().name() + (r.entry().current() ? " *" : ""), r.entry().uri(), state);
        }
        if (reached.stream().anyMatch(r -> r.entry().current())) out.println(T.get("hosts.current"));
    }
}
