package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Docker CLI's contexts ({@code ~/.docker/contexts}), including their TLS files, which docker-java
 * itself ignores. Only consulted when {@code DOCKER_HOST} is empty, as the CLI does.
 */
final class DockerContexts {

    private static final Texts T = Texts.of(DockerContexts.class);

    record Context(String name, String host, Optional<Path> tlsDirectory) {
        boolean hasTls() { return tlsDirectory.isPresent(); }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONTEXTS = 200;
    private static final long MAX_META_BYTES = 256 * 1024;

    private DockerContexts() {}

    /**
     * The context {@code DOCKER_CONTEXT} or the CLI's config names; empty for "default" or none.
     *
     * @throws InvalidEngineAddressException when a named context does not exist: falling back to the local socket
     *                                       would show (or change) another engine than the operator meant
     */
    static Optional<Context> current(Map<String, String> env) {
        Path dockerDir = dockerDir(env);
        boolean fromEnv = env.get("DOCKER_CONTEXT") != null && !env.get("DOCKER_CONTEXT").isBlank();
        Optional<String> name = currentName(env);
        if (name.isEmpty() || name.get().equals("default")) return Optional.empty();
        return Optional.of(read(dockerDir, name.get()).orElseThrow(() -> new InvalidEngineAddressException(
                T.get("context.missing", fromEnv ? "DOCKER_CONTEXT" : dockerDir.resolve("config.json") + " (currentContext)", // tool text: names
                        name.get().replaceAll("\\p{Cntrl}", "?"), dockerDir.resolve("contexts")))));
    }

    /** The context the CLI would use: {@code DOCKER_CONTEXT}, else the config's currentContext; empty when none is set. */
    static Optional<String> currentName(Map<String, String> env) {
        return Optional.ofNullable(env.get("DOCKER_CONTEXT")).filter(s -> !s.isBlank()).map(String::trim)
                .or(() -> currentContextFromConfig(dockerDir(env).resolve("config.json")));
    }

    private static Path dockerDir(Map<String, String> env) {
        return Optional.ofNullable(env.get("DOCKER_CONFIG")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker"));
    }

    /**
     * Every context in {@code contexts/meta} (as {@code docker context ls} lists them, without "default"), sorted by
     * name; at most {@value #MAX_CONTEXTS}, links not followed, unreadable entries left out.
     */
    static List<Context> all(Map<String, String> env) {
        Path dockerDir = dockerDir(env);
        Path metaDir = dockerDir.resolve("contexts/meta");
        List<Context> found = new ArrayList<>();
        if (!Files.isDirectory(metaDir, LinkOption.NOFOLLOW_LINKS)) return found;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(metaDir)) {
            for (Path entry : entries) {
                if (found.size() >= MAX_CONTEXTS) break;
                Path meta = entry.resolve("meta.json");
                if (!Files.isRegularFile(meta, LinkOption.NOFOLLOW_LINKS) || Files.size(meta) > MAX_META_BYTES) continue;
                try {
                    JsonNode name = JSON.readTree(meta.toFile()).path("Name");
                    if (name.isTextual() && sha256(name.asText()).equals(entry.getFileName().toString())) {
                        read(dockerDir, name.asText()).ifPresent(found::add);
                    }
                } catch (IOException unreadable) {
                    // a broken context is the CLI's to report; the others still count
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(java.util.Comparator.comparing(Context::name));
        return found;
    }

    private static Optional<String> currentContextFromConfig(Path config) {
        try {
            if (!Files.isRegularFile(config)) return Optional.empty();
            JsonNode node = JSON.readTree(config.toFile()).path("currentContext");
            return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Context> read(Path dockerDir, String name) {
        String digest = sha256(name);
        Path meta = dockerDir.resolve("contexts/meta").resolve(digest).resolve("meta.json");
        try {
            if (!Files.isRegularFile(meta)) return Optional.empty();
            JsonNode host = JSON.readTree(meta.toFile()).path("Endpoints").path("docker").path("Host");
            if (!host.isTextual()) return Optional.empty();
            Path tls = dockerDir.resolve("contexts/tls").resolve(digest).resolve("docker");
            return Optional.of(new Context(name, host.asText(),
                    Files.isRegularFile(tls.resolve("ca.pem")) ? Optional.of(tls) : Optional.empty()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
