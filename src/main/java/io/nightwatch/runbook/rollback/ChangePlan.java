package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.ContainerConfig;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.Secrets;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.text.Texts;
import java.util.List;
import java.util.Optional;

/**
 * What changing a service's image will do, read from the engine before anything changes: the container as it is, as
 * it will be, what differs (the image, and what the new image brings by default) and, for compose-managed
 * containers, where the compose file must change too.
 */
public record ChangePlan(ServiceSpec service, ContainerConfig current, ContainerConfig planned,
                         List<ContainerConfig.Difference> differences, Optional<String> composeHint) {

    private static final Texts T = Texts.of(ChangePlan.class);

    /**
     * @throws IllegalArgumentException when the container or the target image is not on the engine
     */
    public static ChangePlan of(DockerGateway gateway, ServiceSpec service, String targetImage) {
        return of(gateway, service, targetImage, null);
    }

    /** The same, the new container running {@code command} (a flag changed on purpose); null keeps the container's own. */
    public static ChangePlan of(DockerGateway gateway, ServiceSpec service, String targetImage, List<String> command) {
        ContainerConfig current = gateway.containerConfig(service.container()).orElseThrow(() ->
                new IllegalArgumentException(T.get("plan.error.noContainer", service.container(), gateway.address())));
        ContainerConfig planned = gateway.plannedConfig(service.container(), targetImage, command);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        current.settings().forEach((k, v) -> {
            if (k.startsWith("label ")) labels.put(k.substring(6), v);
        });
        return new ChangePlan(service, current, planned, current.differencesTo(planned),
                ComposeHint.forContainer(labels, targetImage));
    }

    /** Same image content: nothing to change (a re-tag of the running image). */
    public boolean sameImage() {
        return current.imageId().equals(planned.imageId());
    }

    /** Every difference as a line, values of secret-looking settings (passwords, tokens) hidden. */
    public List<String> differenceLines() {
        return differences.stream().map(d -> Secrets.isSecret(d.setting())
                ? new ContainerConfig.Difference(d.setting(), d.before().isEmpty() ? "" : Secrets.REDACTED,
                        d.after().isEmpty() ? "" : Secrets.REDACTED).toString()
                : d.toString()).toList();
    }

    /**
     * The plan in words, one line each, as the CLI prints it and the upgrade wizard shows it: the image, every other
     * difference (or that the configuration stays identical), what would not be kept, and the compose line to change.
     */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        boolean commandChanged = !current.settings().getOrDefault("command", "").equals(planned.settings().getOrDefault("command", ""));
        out.add(T.get("plan.image", current.image(), planned.image())
                + (sameImage() && !commandChanged ? T.get("plan.sameImage") : sameImage() ? T.get("plan.sameImageFlag") : ""));
        List<String> others = differenceLines().stream().filter(l -> !l.startsWith("image: ")).toList();
        if (others.isEmpty()) out.add(T.get("plan.identical"));
        else out.addAll(others);
        if (!lostSettings().isEmpty()) out.add(T.get("plan.notKept", lostSettings()));
        composeHint().ifPresent(h -> out.add(T.get("plan.compose", h)));
        return out;
    }

    /** The container's own settings that would not survive: empty when the recreation keeps everything. */
    public List<ContainerConfig.Difference> lostSettings() {
        // The planned settings are the container's own, so the command differs only when a flag is set on purpose:
        // that is the change itself, not a loss.
        return current.settingDifferencesTo(planned).stream().filter(d -> !d.setting().equals("command")).toList();
    }
}
