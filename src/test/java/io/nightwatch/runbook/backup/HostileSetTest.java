package io.nightwatch.runbook.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Backup sets as an attacker or a careless copy leaves them: each set here is made by hand on a temp folder and
 * must come out DAMAGED with the reason, never followed, never written through, never breaking a listing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileSetTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T03:00:00Z");

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A verified one-file Redis set plus {@code extra} entries in its manifest. */
    private static Path setListing(Path root, FileEntry... extra) throws Exception {
        Path dir = BackupSetsTest.set(root, "20261125-030000-local", STARTED, false);
        BackupManifest m = BackupManifest.read(dir);
        List<FileEntry> files = new java.util.ArrayList<>(m.services().get(0).files());
        files.addAll(List.of(extra));
        var s = m.services().get(0);
        new BackupManifest(1, m.setId(), "local", m.engine(), STARTED, STARTED.plusSeconds(5),
                List.of(new BackupManifest.ServiceBackup(s.service(), s.kind(), s.container(), s.image(), s.dataPath(), s.method(), files, s.facts())))
                .writeAtomically(dir);
        return dir;
    }

    private static SetVerifier.Report verify(Path set) throws Exception {
        return SetVerifier.verify(set, b -> { });
    }

    private static void assertDamaged(SetVerifier.Report report, String... reasons) {
        assertFalse(report.ok(), "DAMAGED expected: " + report);
        for (String reason : reasons) {
            assertTrue(report.problems().stream().anyMatch(p -> p.contains(reason)), "a problem naming '" + reason + "' in " + report.problems());
        }
    }

    @Test
    void aListedSymlinkToAHostFileIsDamagedAndNotFollowed(@TempDir Path tmp) throws Exception {
        byte[] secret = "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        Path outside = Files.write(tmp.resolve("passwd"), secret);
        Path set = setListing(tmp.resolve("backups"), new FileEntry("x", secret.length, sha(secret)));
        Files.createSymbolicLink(set.resolve("redis/x"), outside);

        assertDamaged(verify(set), "redis/x: a symbolic link (not followed)");
        var s = BackupManifest.read(set).services().get(0);
        IOException refused = assertThrows(IOException.class, () -> TarPacker.checkSet(set.resolve("redis"), s.files()));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
    }

    @Test
    void anUnlistedFileFolderOrLinkIsDamaged(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp, "s", STARTED, true);
        Files.writeString(set.resolve("redis/extra.rdb"), "REDIS0011 smuggled");
        Files.createDirectories(set.resolve("loot"));
        Files.createSymbolicLink(set.resolve("redis/shadow"), Path.of("/etc/shadow"));

        assertDamaged(verify(set), "redis/extra.rdb: a file the manifest does not list", "loot: a folder the manifest does not list",
                "redis/shadow: a symbolic link (not followed) the manifest does not list");
    }

    @Test
    void aServiceFolderThatIsALinkIsDamagedOnce(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp.resolve("backups"), "s", STARTED, true);
        Path elsewhere = Files.move(set.resolve("redis"), tmp.resolve("elsewhere"));
        Files.createSymbolicLink(set.resolve("redis"), elsewhere);
        SetVerifier.Report report = verify(set);
        assertEquals(List.of("redis: a symbolic link (not followed)"), report.problems());
    }

    @Test
    void retentionLeavesADamagedSetAloneAndDoesNotCountIt(@TempDir Path root) throws Exception {
        BackupSetsTest.set(root, "a", STARTED.minus(java.time.Duration.ofDays(3)), true);
        BackupSetsTest.set(root, "b", STARTED.minus(java.time.Duration.ofDays(2)), true);
        Path damaged = Files.createDirectories(root.resolve("c-damaged"));
        Files.writeString(damaged.resolve(BackupManifest.FILE), "{\"format\":1,\"startedAt\":\"2026-11-25T02:00:00Z\",\"services\":null}");
        assertEquals(List.of(root.resolve("a")), BackupSets.applyRetention(root, 1, java.time.Duration.ofDays(30), STARTED));
        assertTrue(Files.exists(damaged.resolve(BackupManifest.FILE)), "a set that is not understood is not deleted");
        assertTrue(Files.exists(root.resolve("b")), "the damaged set took no place among the kept");
    }

    @Test
    void aHardLinkIsDamaged(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp.resolve("backups"), "s", STARTED, true);
        Files.createLink(tmp.resolve("second-name"), set.resolve("redis/dump.rdb"));
        assertDamaged(verify(set), "redis/dump.rdb: a hard link (2 names for one file)");
    }

    @Test
    void aFifoIsDamagedAndNeverOpened(@TempDir Path tmp) throws Exception {
        Path set = setListing(tmp, new FileEntry("pipe", 0, sha(new byte[0])));
        Process mkfifo = new ProcessBuilder("mkfifo", set.resolve("redis/pipe").toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available here");
        // opening a FIFO for reading would block until a writer comes: the verifier must not open it at all
        assertDamaged(verify(set), "redis/pipe: not a regular file");
    }

    @Test
    void absoluteAndEscapingManifestPathsAreDamaged(@TempDir Path tmp) throws Exception {
        byte[] none = new byte[0];
        Path set = setListing(tmp.resolve("backups"), new FileEntry("/etc/passwd", 0, sha(none)),
                new FileEntry("../../outside", 0, sha(none)), new FileEntry("a/./b", 0, sha(none)));
        SetVerifier.Report report = verify(set);
        assertDamaged(report, "absolute path", "leads out with '..'", "not normalised");
        assertEquals(List.of(), report.problems().stream().filter(p -> p.contains("passwd: size") || p.contains("checksum")).toList());
        BackupSets.SetInfo listed = BackupSets.describe(set);
        assertFalse(listed.verified());
        assertTrue(listed.verification().orElseThrow().problems().get(0).contains("absolute path"), listed.toString());
    }

    @Test
    void aServiceNamedToLeaveTheSetIsDamaged(@TempDir Path tmp) throws Exception {
        Path set = Files.createDirectories(tmp.resolve("backups/s"));
        Files.writeString(set.resolve(BackupManifest.FILE), """
                {"format":1,"setId":"s","startedAt":"2026-11-25T03:00:00Z","services":[
                  {"service":"../../etc","kind":"redis","files":[]}]}""");
        assertDamaged(verify(set), "service name '../../etc': contains a path separator");
        assertThrows(IOException.class, () -> SetFiles.child(tmp, "../etc"));
        assertThrows(IOException.class, () -> SetFiles.child(tmp, "a/b"));
        assertThrows(IOException.class, () -> SetFiles.child(tmp, ".."));
        assertEquals(tmp.resolve("prometheus"), SetFiles.child(tmp, "prometheus"));
    }

    @Test
    void verifiedJsonIsNeverWrittenThroughALinkNorTrustedAsOne(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp.resolve("backups"), "s", STARTED, false);
        Path outside = Files.writeString(tmp.resolve("precious.json"), "operator's file");
        Files.createSymbolicLink(set.resolve(SetVerifier.RESULT_FILE), outside);
        assertFalse(BackupSets.describe(set).verification().isPresent(), "a verified.json that is a link is not read");

        assertTrue(verify(set).ok());
        assertEquals("operator's file", Files.readString(outside), "the outside file is untouched");
        assertTrue(Files.isRegularFile(set.resolve(SetVerifier.RESULT_FILE), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(BackupSets.describe(set).verified());

        // a forged "ok" report behind a link, or a folder in its place, is not trusted
        Path forged = Files.write(tmp.resolve("forged.json"), Files.readAllBytes(set.resolve(SetVerifier.RESULT_FILE)));
        Files.delete(set.resolve(SetVerifier.RESULT_FILE));
        Files.createSymbolicLink(set.resolve(SetVerifier.RESULT_FILE), forged);
        assertFalse(BackupSets.describe(set).verified());
        Files.delete(set.resolve(SetVerifier.RESULT_FILE));
        Files.createDirectories(set.resolve(SetVerifier.RESULT_FILE));
        assertFalse(BackupSets.describe(set).verified());
    }

    @Test
    void theManifestIsWrittenByRenameNotThroughALink(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp.resolve("backups"), "s", STARTED, false);
        Path outside = Files.writeString(tmp.resolve("outside"), "untouched");
        BackupManifest m = BackupManifest.read(set);
        Files.delete(set.resolve(BackupManifest.FILE));
        Files.createSymbolicLink(set.resolve(BackupManifest.FILE), outside);
        m.writeAtomically(set);
        assertEquals("untouched", Files.readString(outside));
        assertEquals(m, BackupManifest.read(set));
        try (var left = Files.list(set)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void aNullServicesOrFilesListIsOneDamagedSetAndTheListingGoesOn(@TempDir Path root) throws Exception {
        BackupSetsTest.set(root, "20261124-030000-local", STARTED.minusSeconds(86_400), true);
        Path nullServices = Files.createDirectories(root.resolve("20261125-010000-local"));
        Files.writeString(nullServices.resolve(BackupManifest.FILE), """
                {"format":1,"setId":"x","startedAt":"2026-11-25T01:00:00Z","services":null}""");
        Path nullFiles = Files.createDirectories(root.resolve("20261125-020000-local"));
        Files.writeString(nullFiles.resolve(BackupManifest.FILE), """
                {"format":1,"setId":"y","startedAt":"2026-11-25T02:00:00Z","services":[{"service":"redis","kind":"redis","files":null}]}""");
        Files.createSymbolicLink(root.resolve("20261125-040000-elsewhere"), Path.of("/etc"));

        List<BackupSets.SetInfo> sets = BackupSets.list(root);
        assertEquals(4, sets.size(), sets.toString());
        BackupSets.SetInfo good = sets.stream().filter(s -> s.id().equals("20261124-030000-local")).findFirst().orElseThrow();
        assertTrue(good.verified());
        assertEquals(List.of("redis"), good.services());
        assertEquals("manifest.json is not a valid manifest: no services list", problem(sets, "20261125-010000-local"));
        assertEquals("manifest.json is not a valid manifest: redis: no files list", problem(sets, "20261125-020000-local"));
        assertTrue(problem(sets, "20261125-040000-elsewhere").contains("symbolic link"));

        assertDamaged(verify(nullServices), "no services list");
        assertDamaged(verify(nullFiles), "redis: no files list");
        assertTrue(BackupAges.read(List.of("redis"), root, BackupAges.DEFAULT_RPO, STARTED).newestVerified().get("redis").isPresent());
    }

    private static String problem(List<BackupSets.SetInfo> sets, String id) {
        BackupSets.SetInfo s = sets.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        assertTrue(s.complete() && !s.verified(), s.toString());
        return s.verification().orElseThrow().problems().get(0);
    }

    @Test
    void manifestsAreBoundedAndMustHoldTogether(@TempDir Path root) throws Exception {
        String good = sha(new byte[0]);
        assertManifestRefused(root, "dup-key", "{\"format\":1,\"format\":2,\"startedAt\":\"2026-11-25T01:00:00Z\",\"services\":[]}", "Duplicate field");
        assertManifestRefused(root, "deep", "{\"format\":1,\"startedAt\":\"2026-11-25T01:00:00Z\",\"facts\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "nesting depth");
        assertManifestRefused(root, "negative", manifest("{\"path\":\"a\",\"size\":-5,\"sha256\":\"" + good + "\"}"), "negative size -5");
        assertManifestRefused(root, "sha", manifest("{\"path\":\"a\",\"size\":0,\"sha256\":\"not-a-sha\"}"), "not a SHA-256");
        assertManifestRefused(root, "twice", manifest("{\"path\":\"a\",\"size\":0,\"sha256\":\"" + good + "\"},{\"path\":\"a\",\"size\":0,\"sha256\":\"" + good + "\"}"),
                "redis/a: listed twice");
        assertManifestRefused(root, "null-size", manifest("{\"path\":\"a\",\"size\":null,\"sha256\":\"" + good + "\"}"), "not a valid manifest");

        Path huge = Files.createDirectories(root.resolve("huge"));
        try (RandomAccessFile f = new RandomAccessFile(huge.resolve(BackupManifest.FILE).toFile(), "rw")) {
            f.setLength(BackupManifest.MAX_MANIFEST_BYTES + 1); // sparse: costs no disk, never read
        }
        IOException e = assertThrows(IOException.class, () -> BackupManifest.read(huge));
        assertTrue(e.getMessage().contains("more than the " + BackupManifest.MAX_MANIFEST_BYTES + " allowed"), e.getMessage());
    }

    private static String manifest(String file) {
        return "{\"format\":1,\"startedAt\":\"2026-11-25T01:00:00Z\",\"services\":[{\"service\":\"redis\",\"kind\":\"redis\",\"files\":[" + file + "]}]}";
    }

    private static void assertManifestRefused(Path root, String id, String json, String reason) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id));
        Files.writeString(dir.resolve(BackupManifest.FILE), json);
        IOException e = assertThrows(IOException.class, () -> BackupManifest.read(dir), id);
        assertTrue(e.getMessage().contains(reason), id + ": " + e.getMessage());
        assertDamaged(BackupSets.describe(dir).verification().orElseThrow(), reason);
    }

    @Test
    void aFileSwappedAfterVerificationIsRefusedBeforeAnythingIsSent(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp, "s", STARTED, true);
        List<FileEntry> files = BackupManifest.read(set).services().get(0).files();
        Path rdb = set.resolve("redis/dump.rdb");
        byte[] original = Files.readAllBytes(rdb);
        TarPacker.checkSet(set.resolve("redis"), files);

        byte[] swapped = original.clone();
        swapped[swapped.length - 1] ^= 1;
        Path replacement = Files.write(tmp.resolve("replacement"), swapped);
        Files.move(replacement, rdb, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException refused = assertThrows(IOException.class, () -> TarPacker.checkSet(set.resolve("redis"), files));
        assertEquals("dump.rdb changed since the set was verified (checksum mismatch (the file changed or is damaged)); nothing restored from it",
                refused.getMessage());

        Files.delete(rdb);
        Files.createSymbolicLink(rdb, Files.write(tmp.resolve("same-bytes"), original));
        assertThrows(IOException.class, () -> TarPacker.checkSet(set.resolve("redis"), files), "a link with the right bytes is still a link");
    }

    @Test
    void thePackerSendsExactlyTheListedFilesAndFailsTheStreamOnASwap(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp, "s", STARTED, true);
        List<FileEntry> files = BackupManifest.read(set).services().get(0).files();
        Files.writeString(set.resolve("redis/unlisted"), "not sent");
        List<String> names = new java.util.ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(TarPacker.packSet(set.resolve("redis"), files))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) names.add(e.getName());
        }
        assertEquals(List.of("dump.rdb"), names);

        // swapped between the check and the packing: the stream fails instead of ending, so no archive looks whole
        Path rdb = set.resolve("redis/dump.rdb");
        Files.write(rdb, "REDIS0011-fake-payloaX".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> {
            try (var in = TarPacker.packSet(set.resolve("redis"), files)) {
                in.readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains("changed since the set was verified"), e.getMessage());
    }

    @Test
    void theExtractorNeverWritesThroughALinkAlreadyThere(@TempDir Path tmp) throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside"), "untouched");
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        Files.createSymbolicLink(dest.resolve("dump.rdb"), outside);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            byte[] data = "REDIS0011".getBytes(StandardCharsets.US_ASCII);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("data/dump.rdb");
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        List<FileEntry> files = TarExtractor.extract(new java.io.ByteArrayInputStream(bytes.toByteArray()), dest, 1, b -> { });
        assertEquals(1, files.size());
        assertEquals("untouched", Files.readString(outside));
        assertEquals("REDIS0011", Files.readString(dest.resolve("dump.rdb")));
        assertFalse(Files.isSymbolicLink(dest.resolve("dump.rdb")));
        assertTrue(new File(dest.toFile(), "dump.rdb").isFile());
    }
}
