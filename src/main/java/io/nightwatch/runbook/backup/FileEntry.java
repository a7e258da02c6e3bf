package io.nightwatch.runbook.backup;

/** One file of a backup set: its path inside the service's folder, its size and SHA-256 (hex). */
public record FileEntry(String path, long size, String sha256) {}
