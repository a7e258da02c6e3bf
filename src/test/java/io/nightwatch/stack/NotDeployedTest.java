package io.nightwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Not deployed here": the profile's {@code hosts[].notDeployed} and the window's marks kept in the XDG config. */
class NotDeployedTest {

    private static final Path FILE = Path.of("/etc/nightwatch/profile.yaml");

    @Test
    void theProfileListsServicesAHostDoesNotRun() throws Exception {
        StackProfile profile = ProfileLoader.parse(FILE, """
                hosts:
                  - name: local
                    notDeployed: [loki, grafana]
                """);
        assertEquals(Set.of("local/loki", "local/grafana"), profile.notDeployed());
        assertFalse(profile.deployedServices().stream().anyMatch(s -> s.name().equals("loki")));
        assertTrue(profile.deployedServices().stream().anyMatch(s -> s.name().equals("redis")));
        assertEquals(profile.notDeployed(), profile.withPrimaryHostAddress("tcp://127.0.0.1:2375").notDeployed(), "--host keeps them");
    }

    @Test
    void aNameThatIsNoServiceOfTheHostIsRefusedWithWhatIsKnown() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, """
                hosts:
                  - name: local
                    notDeployed: [lokii]
                """));
        assertTrue(e.getMessage().contains("'lokii' is not a service of the profile"), e.getMessage());
        assertTrue(e.getMessage().contains("loki"), e.getMessage());
        ProfileException notAList = assertThrows(ProfileException.class, () -> ProfileLoader.parse(FILE, """
                hosts:
                  - name: local
                    notDeployed: loki
                """));
        assertTrue(notAList.getMessage().contains("must be a list"), notAList.getMessage());
    }

    @Test
    void windowMarksAreKeptInTheFileAndOnlyThoseCanBeUndone(@TempDir Path dir) throws Exception {
        StackProfile profile = ReferenceStack.profile().withNotDeployed(Set.of("local/grafana"));
        Path file = dir.resolve("nightwatch").resolve(NotDeployed.FILE_NAME);
        NotDeployed marks = NotDeployed.of(profile).keepIn(file);
        AtomicInteger changes = new AtomicInteger();
        marks.addListener(changes::incrementAndGet);

        marks.mark("local/loki");
        assertTrue(marks.contains("local/loki"));
        assertTrue(Files.readAllLines(file).contains("local/loki"));
        assertEquals(Set.of("local/grafana", "local/loki"), marks.all());
        assertEquals(1, changes.get());

        // read again as the next start would
        assertTrue(NotDeployed.of(profile).keepIn(file).contains("local/loki"));

        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class, () -> marks.watchAgain("local/grafana"));
        assertTrue(fixed.getMessage().contains("remove it there"), fixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> marks.mark("local/nosuch"));

        marks.watchAgain("local/loki");
        assertFalse(marks.contains("local/loki"));
        assertFalse(Files.readAllLines(file).contains("local/loki"));
        assertEquals(2, changes.get());
    }

    @Test
    void aSymlinkedMarksFileIsNotFollowed(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.write(target, List.of("local/loki"));
        Path link = dir.resolve(NotDeployed.FILE_NAME);
        Files.createSymbolicLink(link, target);
        assertFalse(NotDeployed.of(ReferenceStack.profile()).keepIn(link).contains("local/loki"));
    }

    @Test
    void backupsAndWizardsLeaveOutWhatIsNotDeployedFromTheProfileAndTheWindow(@TempDir Path dir) throws Exception {
        StackProfile profile = ReferenceStack.profile().withNotDeployed(Set.of("local/loki"));
        NotDeployed marks = NotDeployed.of(profile);
        try (var catalog = new io.nightwatch.runbook.catalog.RunbookCatalog(profile, java.util.Map.of("HOME", dir.toString()), dir,
                java.time.Clock.systemUTC()).followNotDeployed(marks)) {
            List<String> before = catalog.backup().backupable().stream().map(ServiceSpec::name).toList();
            assertFalse(before.contains("loki"), before.toString());
            assertTrue(before.contains("grafana"), before.toString());
            marks.mark("local/grafana");
            List<String> after = catalog.backup().backupable().stream().map(ServiceSpec::name).toList();
            assertFalse(after.contains("grafana"), "a window mark counts at once: " + after);
            assertFalse(catalog.stack(io.nightwatch.runbook.stack.StackRunbook.Action.RESTART).build(java.util.Map.of()).steps().stream()
                    .anyMatch(s -> s.title().contains("loki") || s.title().contains("grafana")), "a stack restart leaves them alone");
        }
    }
}
