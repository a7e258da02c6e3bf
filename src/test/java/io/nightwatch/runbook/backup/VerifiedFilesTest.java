package io.nightwatch.runbook.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A restore hashes each set file once: the packer trusts the verification's hash only while the file is unchanged. */
class VerifiedFilesTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T03:00:00Z");

    private static String packed(Path set, List<FileEntry> files, VerifiedFiles hashed) throws IOException {
        try (InputStream in = TarPacker.packSet(set.resolve("redis"), files, TarPacker.Owner.ROOT, hashed);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            assertNotNull(tar.getNextTarEntry());
            return new String(tar.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void anUnchangedFileIsSentAsVerifiedAndAChangedOneIsStillCaught(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp, "s", STARTED, false);
        List<FileEntry> files = BackupManifest.read(set).services().get(0).files();
        VerifiedFiles hashed = new VerifiedFiles();
        assertTrue(SetVerifier.verify(set, b -> { }, hashed).ok());
        Path rdb = set.resolve("redis/dump.rdb");
        assertTrue(hashed.unchanged(rdb), "noted as hashed right");
        assertEquals("REDIS0011-fake-payload", packed(set, files, hashed));

        // Same size, one byte different, written in place after the verification: no longer trusted, so hashed and refused.
        try (RandomAccessFile f = new RandomAccessFile(rdb.toFile(), "rw")) {
            f.seek(f.length() - 1);
            f.write('X');
        }
        assertFalse(hashed.unchanged(rdb));
        IOException e = assertThrows(IOException.class, () -> packed(set, files, hashed));
        assertTrue(e.getMessage().contains("changed since the set was verified (checksum mismatch)"), e.getMessage());
    }

    @Test
    void aFileThatFailedItsVerificationIsNeverTrusted(@TempDir Path tmp) throws Exception {
        Path set = BackupSetsTest.set(tmp, "s", STARTED, false);
        Path rdb = set.resolve("redis/dump.rdb");
        Files.writeString(rdb, "REDIS0011-fake-payloaX");
        VerifiedFiles hashed = new VerifiedFiles();
        assertFalse(SetVerifier.verify(set, b -> { }, hashed).ok());
        assertFalse(hashed.unchanged(rdb));
    }
}
