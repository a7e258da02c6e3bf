package io.nightwatch.store;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.nightwatch.store.Alerts.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LabelFingerprintTest {

    /** Fingerprints that Alertmanager 0.25 (Debian) reported for these label sets via /api/v2/alerts. */
    @Test
    void matchesWhatAlertmanagerReports() {
        assertEquals("219164b14cbec449", LabelFingerprint.of(
                labels("alertname", "DiskFull", "severity", "critical", "instance", "node1:9100", "job", "node")));
        assertEquals("0b20e204b1e940d8", LabelFingerprint.of(
                labels("alertname", "Ünïcödé", "zeta", "z", "a", "π=3.14 \"quoted\"")));
        assertEquals("d2aeefc389ca7746", LabelFingerprint.of(labels("alertname", "X")));
    }

    @Test
    void emptyLabelSetIsTheFnvOffsetBasis() {
        assertEquals("cbf29ce484222325", LabelFingerprint.of(Map.of()));
    }

    @Test
    void orderOfTheMapDoesNotMatterButEveryNameAndValueDoes() {
        String fp = LabelFingerprint.of(labels("a", "1", "b", "2"));
        assertEquals(fp, LabelFingerprint.of(labels("b", "2", "a", "1")));
        assertNotEquals(fp, LabelFingerprint.of(labels("a", "12", "b", "")));
        assertNotEquals(fp, LabelFingerprint.of(labels("a", "1", "b", "2", "c", "")));
    }

    @Test
    void namesSortByUtf8BytesAsGoDoes() {
        // U+FF21 (3 UTF-8 bytes, EF..) sorts after U+1F600 (F0..) in UTF-16 but before it in UTF-8.
        Map<String, String> a = labels("\uFF21", "x", "\uD83D\uDE00", "y");
        Map<String, String> b = labels("\uD83D\uDE00", "y", "\uFF21", "x");
        assertEquals(LabelFingerprint.of(a), LabelFingerprint.of(b));
        long manual = fnv(new byte[][] {"\uFF21".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "y".getBytes(java.nio.charset.StandardCharsets.UTF_8)});
        assertEquals(manual, LabelFingerprint.hash(a));
    }

    @Test
    void incomingAlertComputesAMissingFingerprint() {
        IncomingAlert a = new IncomingAlert(null, labels("alertname", "X"), null, AlertState.FIRING, Alerts.T0,
                Optional.empty(), "prometheus", null, null, Alerts.T0);
        assertEquals("d2aeefc389ca7746", a.fingerprint());
    }

    private static long fnv(byte[][] parts) {
        long h = 0xcbf29ce484222325L;
        for (byte[] p : parts) {
            for (byte b : p) h = (h ^ (b & 0xFF)) * 0x100000001b3L;
            h = (h ^ 0xFF) * 0x100000001b3L;
        }
        return h;
    }
}
