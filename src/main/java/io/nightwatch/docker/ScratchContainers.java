package io.nightwatch.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throw-away copies of a service for restore drills: the same image, command and environment, the template's
 * read-only bind mounts (its configuration), a fresh volume at the data path, {@code --network none}, no published
 * ports, no restart policy. Production's containers and volumes are never touched.
 */
final class ScratchContainers {

    static final String LABEL = "io.nightwatch.drill";

    private ScratchContainers() {}

    /** Creates (does not start) the scratch container and its volume; returns the volume's name. */
    static String create(DockerClient docker, InspectContainerResponse template, String name, String dataPath) {
        String volume = name + "-data";
        docker.createVolumeCmd().withName(volume).withLabels(Map.of(LABEL, "true")).exec();
        List<Mount> mounts = new ArrayList<>();
        mounts.add(new Mount().withType(MountType.VOLUME).withSource(volume).withTarget(dataPath));
        if (template.getMounts() != null) {
            for (InspectContainerResponse.Mount m : template.getMounts()) {
                String target = m.getDestination() == null ? "" : m.getDestination().getPath();
                boolean readOnlyBind = Boolean.FALSE.equals(m.getRW()) && m.getName() == null && m.getSource() != null;
                if (readOnlyBind && !target.equals(dataPath)) {
                    mounts.add(new Mount().withType(MountType.BIND).withSource(m.getSource()).withTarget(target).withReadOnly(true));
                }
            }
        }
        var config = template.getConfig();
        CreateContainerCmd create = docker.createContainerCmd(config.getImage()).withName(name)
                .withLabels(Map.of(LABEL, "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(mounts));
        if (config.getEnv() != null) create.withEnv(config.getEnv());
        if (config.getEntrypoint() != null) create.withEntrypoint(config.getEntrypoint());
        create.withCmd(config.getCmd() == null ? new String[0] : config.getCmd());
        if (config.getWorkingDir() != null && !config.getWorkingDir().isEmpty()) create.withWorkingDir(config.getWorkingDir());
        if (config.getUser() != null && !config.getUser().isEmpty()) create.withUser(config.getUser());
        try {
            create.exec();
        } catch (RuntimeException e) {
            docker.removeVolumeCmd(volume).exec();
            throw e;
        }
        return volume;
    }

    /** Removes the scratch container and its volume; missing ones are fine. */
    static void remove(DockerClient docker, String name, String volume) {
        try {
            docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            // already gone
        }
        try {
            docker.removeVolumeCmd(volume).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            // already gone
        }
    }
}
