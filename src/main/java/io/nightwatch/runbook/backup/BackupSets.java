package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The backup sets under one folder: listing with size, age and verification state; retention. */
public final class BackupSets {

    private static final Texts T = Texts.of(BackupSets.class);

    /** A set as found on disk. Incomplete sets (no manifest) are listed so they are never silently forgotten. */
    public record SetInfo(Path dir, String id, boolean complete, Optional<BackupManifest> manifest, long bytes,
                          Instant created, Optional<SetVerifier.Report> verification) {

        public boolean verified() {
            return verification.map(SetVerifier.Report::ok).orElse(false);
        }

        public List<String> services() {
            return manifest.map(m -> m.services().stream().map(BackupManifest.ServiceBackup::service).toList()).orElse(List.of());
        }
    }

    private BackupSets() {}

    /** Every set under {@code root}, newest first; one unreadable set is listed as damaged, never hides the others. */
    public static List<SetInfo> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<SetInfo> sets = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().startsWith("safety-")).toList()) {
                Optional<BasicFileAttributes> attrs = SetFiles.attributes(entry);
                if (attrs.isEmpty()) continue;
                if (attrs.get().isDirectory()) {
                    sets.add(describe(entry));
                } else if (attrs.get().isSymbolicLink()) {
                    sets.add(damaged(entry, attrs.get(), T.get("sets.symlink")));
                }
            }
        }
        sets.sort(Comparator.comparing(SetInfo::created).reversed());
        return sets;
    }

    /**
     * One set as found on disk. A manifest that cannot be read or does not hold together makes the set DAMAGED with
     * the reason (its verification says so); a {@code verified.json} is trusted only as a plain, small file.
     */
    public static SetInfo describe(Path dir) throws IOException {
        BasicFileAttributes attrs = SetFiles.attributes(dir).orElseThrow(() -> new java.nio.file.NoSuchFileException(dir.toString()));
        if (!attrs.isDirectory()) return damaged(dir, attrs, T.get("sets.notAFolder"));
        if (SetFiles.attributes(dir.resolve(BackupManifest.FILE)).isEmpty()) {
            return new SetInfo(dir, dir.getFileName().toString(), false, Optional.empty(), sizeOf(dir),
                    attrs.lastModifiedTime().toInstant(), Optional.empty());
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(dir);
        } catch (IOException damaged) {
            return damaged(dir, attrs, damaged.getMessage());
        }
        return new SetInfo(dir, dir.getFileName().toString(), true, Optional.of(manifest), manifest.bytes(), manifest.startedAt(),
                SetVerifier.lastResult(dir));
    }

    /** A set that cannot be used, listed with its reason so it is never silently forgotten. */
    private static SetInfo damaged(Path dir, BasicFileAttributes attrs, String reason) {
        return new SetInfo(dir, dir.getFileName().toString(), true, Optional.empty(), attrs.isDirectory() ? sizeOf(dir) : 0,
                attrs.lastModifiedTime().toInstant(), Optional.of(SetVerifier.Report.damaged(reason)));
    }

    /** The newest verified set holding {@code service}, for restore defaults and the RPO check. */
    public static Optional<SetInfo> newestVerified(Path root, String service) throws IOException {
        return list(root).stream().filter(SetInfo::verified).filter(s -> s.services().contains(service)).findFirst();
    }

    /**
     * Deletes complete sets beyond the newest {@code keep}, and those older than {@code maxAge}; the newest
     * verified set is never deleted. Returns what was removed.
     */
    public static List<Path> applyRetention(Path root, int keep, Duration maxAge, Instant now) throws IOException {
        // A damaged set is left alone: it is not understood, so it neither counts towards keep nor gets deleted.
        List<SetInfo> complete = list(root).stream().filter(SetInfo::complete).filter(s -> s.manifest().isPresent()).toList();
        Optional<SetInfo> newestVerified = complete.stream().filter(SetInfo::verified).findFirst();
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            SetInfo set = complete.get(i);
            boolean tooMany = i >= keep;
            boolean tooOld = Duration.between(set.created(), now).compareTo(maxAge) > 0;
            if ((tooMany || tooOld) && !newestVerified.map(v -> v.dir().equals(set.dir())).orElse(false)) {
                deleteTree(set.dir());
                removed.add(set.dir());
            }
        }
        return removed;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The bytes of the plain files under {@code dir}; links are not followed. */
    private static long sizeOf(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, java.util.Set.of(), 64, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (a.isRegularFile()) total[0] += a.size();
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
