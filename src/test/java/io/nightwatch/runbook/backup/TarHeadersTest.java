package io.nightwatch.runbook.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The packer's own tar headers read back by two independent readers (commons-compress and GNU tar, as the engine's Go
 * reader would): long and non-ASCII names through PAX, folders, empty and block-sized files, an owner beyond ustar's
 * octal field.
 */
class TarHeadersTest {

    private static final TarPacker.Owner BIG_OWNER = new TarPacker.Owner(3_000_000, 70);

    private static Map<String, byte[]> contents() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty", new byte[0]);
        files.put("one-block", new byte[512]);
        files.put("a/b/odd", "odd size\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        files.put("a/" + "long-name-".repeat(15) + "end", "long".getBytes(StandardCharsets.UTF_8));
        files.put("a/übergröße.json", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[(3 << 20) + 17];
        new java.util.Random(16).nextBytes(big);
        files.put("chunks/000001", big);
        return files;
    }

    private static List<FileEntry> write(Path dir, Map<String, byte[]> files) throws Exception {
        List<FileEntry> entries = new ArrayList<>();
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            entries.add(new FileEntry(e.getKey(), e.getValue().length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue()))));
        }
        return entries;
    }

    @Test
    void commonsCompressReadsBackEveryNameSizeOwnerAndByte(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> files = contents();
        List<FileEntry> listed = write(tmp.resolve("svc"), files);
        Map<String, byte[]> got = new LinkedHashMap<>();
        List<String> folders = new ArrayList<>();
        try (InputStream in = TarPacker.packSet(tmp.resolve("svc"), listed, BIG_OWNER);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextTarEntry()) != null) {
                assertEquals(3_000_000, e.getLongUserId(), e.getName());
                assertEquals(70, e.getLongGroupId(), e.getName());
                if (e.isDirectory()) {
                    folders.add(e.getName());
                    assertEquals(0755, e.getMode() & 0777);
                } else {
                    assertTrue(e.isFile(), e.getName());
                    assertEquals(0644, e.getMode() & 0777);
                    got.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        assertEquals(files.keySet(), got.keySet());
        files.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
        assertTrue(folders.containsAll(List.of("a/", "a/b/", "chunks/")), folders.toString());
    }

    @Test
    void gnuTarExtractsTheSameFiles(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> files = contents();
        List<FileEntry> listed = write(tmp.resolve("svc"), files);
        Path archive = tmp.resolve("packed.tar");
        try (InputStream in = TarPacker.packSet(tmp.resolve("svc"), listed, TarPacker.Owner.ROOT)) {
            Files.copy(in, archive);
        }
        assertEquals(0, archive.toFile().length() % 512, "whole blocks");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process p = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", out.toString(), "--no-same-owner")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tar finished");
        assertEquals(0, p.exitValue(), said);
        assertEquals("", said.strip(), "no warning from tar");
        for (var e : files.entrySet()) assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
    }
}
