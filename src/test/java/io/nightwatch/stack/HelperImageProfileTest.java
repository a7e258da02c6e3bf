package io.nightwatch.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** hosts[].helperImage: the operator's approved image with a shell, for containers that have none. */
class HelperImageProfileTest {

    private static final Path FILE = Path.of("/etc/nightwatch/profile.yaml");

    @Test
    void isReadPerHostAndOptional() throws Exception {
        StackProfile p = ProfileLoader.parse(FILE, "hosts:\n  - name: prod\n    helperImage: busybox:1.36\n  - name: edge\n");
        assertEquals(Optional.of("busybox:1.36"), p.host("prod").orElseThrow().helperImage());
        assertEquals(Optional.empty(), p.host("edge").orElseThrow().helperImage());
        assertEquals(Optional.of("busybox:1.36"), p.withPrimaryHostAddress("tcp://10.0.0.5:2376").host("prod").orElseThrow().helperImage(),
                "--host keeps it");
    }

    @Test
    void somethingThatIsNoImageReferenceIsRefusedWithTheLine() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse(FILE, "hosts:\n  - name: prod\n    helperImage: \"busybox; rm -rf /\"\n"));
        assertEquals(3, e.line());
        assertEquals("hosts[0].helperImage", e.field());
        assertTrue(e.getMessage().contains("not an image reference"), e.getMessage());
    }
}
