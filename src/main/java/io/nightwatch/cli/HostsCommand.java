package io.nightwatch.cli;

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
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = "List the engines of the profile and the Docker contexts, with reachability (exit 0 all answer, 3 one does not).")
public class HostsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long each engine may take to answer (default 5).")
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
            spec.commandLine().getErr().println("nightwatch: --timeout takes seconds between 0.1 and 600, not " + timeoutSeconds);
            return NightwatchCommand.EXIT_USAGE;
        }
        // An unusable address is a line of the listing here, not a reason to list nothing.
        StackProfile profile;
        try {
            profile = profileOptions.load(env);
        } catch (io.nightwatch.stack.ProfileException | io.nightwatch.docker.InvalidEngineAddressException e) {
            spec.commandLine().getErr().println("nightwatch: " + NightwatchCommand.oneLine(e.getMessage()));
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
            out.println("no engines in the profile and no Docker contexts");
            return;
        }
        int nameWidth = Math.max(4, reached.stream().mapToInt(r -> r.entry().name().length() + (r.entry().current() ? 2 : 0)).max().orElse(4));
        int addressWidth = Math.max(7, reached.stream().mapToInt(r -> r.entry().uri().length()).max().orElse(7));
        String format = "%-8s %-" + nameWidth + "s %-" + addressWidth + "s %s%n";
        out.printf(format, "SOURCE", "NAME", "ADDRESS", "STATE");
        for (KnownEngines.Reach r : reached) {
            String state = r.reachable()
                    ? "up (engine " + r.engineVersion().orElse("?") + ", " + r.millis() + " ms)"
                    : "unreachable: " + NightwatchCommand.oneLine(r.reason().orElse("no answer"));
            out.printf(format, r.entry().source(), r.entry().name() + (r.entry().current() ? " *" : ""), r.entry().uri(), state);
        }
        if (reached.stream().anyMatch(r -> r.entry().current())) out.println("* the Docker CLI's current context");
    }
}
