package io.nightwatch.docker;

/**
 * One node of a Swarm as the manager lists it.
 *
 * @param address the address the node joined with (Status.Addr), e.g. {@code 127.0.0.1}
 * @param state   "ready", "down", "disconnected", "unknown"
 */
public record SwarmNode(String id, String hostname, String address, String state, String availability, String role) {

    public boolean ready() { return state.equals("ready"); }
}
