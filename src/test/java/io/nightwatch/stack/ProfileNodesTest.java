package io.nightwatch.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Swarm manager's node engines in the profile: each named as the Swarm names the node, with its address and TLS. */
class ProfileNodesTest {

    private static final Path FILE = Path.of("/etc/nightwatch/profile.yaml");

    @Test
    void aManagerListsTheEnginesOfItsOtherNodes() throws Exception {
        StackProfile profile = ProfileLoader.parse(FILE, """
                hosts:
                  - name: prod
                    address: tcp://10.0.0.1:2376
                    tlsVerify: true
                    certPath: /etc/nightwatch/certs/prod
                    nodes:
                      - name: worker-2
                        address: tcp://10.0.0.2:2376
                        tlsVerify: true
                        certPath: /etc/nightwatch/certs/worker-2
                """);
        DockerHostSpec prod = profile.hosts().get(0);
        assertEquals(List.of(new DockerHostSpec("worker-2", Optional.of("tcp://10.0.0.2:2376"), Optional.of(true),
                Optional.of(Path.of("/etc/nightwatch/certs/worker-2")))), prod.nodes());
        assertEquals(prod.nodes(), prod.withAddress("tcp://10.0.0.9:2376").nodes(), "--host keeps the node engines");
    }

    @Test
    void aNodeWithoutAnAddressIsRefusedWithItsName() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, """
                hosts:
                  - name: prod
                    nodes:
                      - name: worker-2
                """));
        assertTrue(e.getMessage().contains("node worker-2 needs its engine's address"), e.getMessage());
    }
}
