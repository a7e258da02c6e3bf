package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ImageInfo;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images a service could go back to, best first: what it ran before by Nightwatch's deployment journal, what a
 * kept container runs, then the engine's other local tags of the same repository.
 */
public final class RollbackTargets {

    private static final Texts T = Texts.of(RollbackTargets.class);

    /** An image to go back to and why it is offered. */
    public record Candidate(String image, String why) {}

    private RollbackTargets() {}

    public static List<Candidate> of(DockerGateway gateway, ServiceSpec spec, DeploymentLog log) throws IOException {
        String current = gateway.inspect(spec.container()).map(c -> c.image()).orElse("");
        Map<String, String> found = new LinkedHashMap<>();
        log.imageBefore(spec.host(), spec.name(), current).ifPresent(i -> found.put(i, T.get("target.before")));
        List<Deployment> history = log.history(spec.host(), spec.name());
        for (int i = history.size() - 1; i >= 0; i--) {
            Deployment d = history.get(i);
            found.putIfAbsent(d.fromImage(), T.get("target.until", d.at()));
        }
        for (ContainerSummary kept : keptContainers(gateway, spec)) {
            found.putIfAbsent(kept.image(), T.get("target.kept", kept.name()));
        }
        String repository = repository(current);
        for (ImageInfo image : gateway.images()) {
            for (String tag : image.tags()) {
                if (!tag.equals(current) && repository(tag).equals(repository)) found.putIfAbsent(tag, T.get("target.local", image.created()));
            }
        }
        found.remove(current);
        found.remove("");
        List<Candidate> out = new ArrayList<>();
        found.forEach((image, why) -> out.add(new Candidate(image, why)));
        return out;
    }

    /** The best candidate, if any. */
    public static Optional<String> best(DockerGateway gateway, ServiceSpec spec, DeploymentLog log) throws IOException {
        return of(gateway, spec, log).stream().findFirst().map(Candidate::image);
    }

    /** Containers an upgrade or rollback kept as the way back ({@code <container>-kept-<time>}), newest first. */
    public static List<ContainerSummary> keptContainers(DockerGateway gateway, ServiceSpec spec) {
        return gateway.listContainers().stream().filter(c -> spec.isKeptCopy(c.name()))
                .sorted(java.util.Comparator.comparing(ContainerSummary::name).reversed()).toList();
    }

    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
