package io.nightwatch.docker;

/**
 * Marks an archive stream that a producer thread of its own already fills through large buffers (the restore's
 * packer): {@link DockerGateway#copyIn} reads it directly instead of through a second read-ahead thread, which would
 * only add a copy of every byte on a machine the engine is unpacking on.
 */
public interface ProducedAhead {
}
