package io.nightwatch.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Prometheus' label-set fingerprint ({@code model.LabelSet.Fingerprint}), which Alertmanager reports as an alert's
 * fingerprint: FNV-1a 64 over the label names in byte order, each name then 0xFF then its value then 0xFF, as 16
 * lower-case hex digits. Computing it for Prometheus' {@code /api/v1/alerts} (which has none) lets a polled alert
 * meet the same alert delivered by Alertmanager. Checked against Alertmanager 0.25 (LabelFingerprintTest).
 */
public final class LabelFingerprint {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xFF;

    private LabelFingerprint() {}

    public static String of(Map<String, String> labels) {
        return String.format("%016x", hash(labels));
    }

    public static long hash(Map<String, String> labels) {
        byte[][][] pairs = labels.entrySet().stream()
                .map(e -> new byte[][] {utf8(e.getKey()), utf8(e.getValue())})
                .toArray(byte[][][]::new);
        // Go sorts strings by bytes; Java's String order (UTF-16) differs for characters beyond the BMP.
        Arrays.sort(pairs, (a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        long h = OFFSET_BASIS;
        for (byte[][] pair : pairs) {
            h = add(h, pair[0]);
            h = add(h, SEPARATOR);
            h = add(h, pair[1]);
            h = add(h, SEPARATOR);
        }
        return h;
    }

    private static long add(long h, byte[] bytes) {
        for (byte b : bytes) h = add(h, b);
        return h;
    }

    private static long add(long h, byte b) {
        return (h ^ (b & 0xFF)) * PRIME;
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
