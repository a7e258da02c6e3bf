package io.nightwatch.redact;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue against the corpus of fake secrets, ordinary operator text, and hostile long lines. */
class SecretCatalogueTest {

    static List<SecretCorpus.Entry> secrets() {
        return SecretCorpus.secrets();
    }

    static List<String> negatives() {
        return SecretCorpus.negatives();
    }

    @Test
    void theCorpusIsLargeAndCoversEveryKind() {
        assertTrue(secrets().size() >= 60, "at least 60 secrets, was " + secrets().size());
        Set<Kind> kinds = secrets().stream().map(SecretCorpus.Entry::kind).collect(Collectors.toSet());
        for (Kind k : Kind.values()) if (k != Kind.SECRET_ENV) assertTrue(kinds.contains(k), "no corpus entry of kind " + k);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void noSecretSurvives(SecretCorpus.Entry e) {
        Redactor r = new Redactor();
        String out = r.text(e.text());
        assertFalse(out.contains(e.secret()), "survived: " + out);
        assertTrue(r.found().contains(e.kind()), "reported as " + r.found() + ", expected " + e.kind() + ": " + out);
        assertEquals(out, Redactor.clean(out), "redacting twice changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void ordinaryTextStaysIntact(String line) {
        Redactor r = new Redactor();
        assertEquals(line, r.text(line));
        assertTrue(r.found().isEmpty(), r.found().toString());
    }

    @Test
    void everyRuleOfTheCatalogueIsExercisedByTheCorpus() {
        Set<String> fired = new LinkedHashSet<>();
        for (SecretCorpus.Entry e : secrets()) {
            Redactor one = new Redactor();
            one.text(e.text());
            fired.addAll(one.rules());
        }
        Set<String> idle = SecretCatalogue.RULES.stream().map(SecretRule::name).filter(n -> !fired.contains(n))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertTrue(idle.isEmpty(), "rules with no corpus entry: " + idle);
    }

    @Test
    void everyRuleSaysWhatTextItNeeds() {
        // a rule that would run on any text costs a regex pass per log line; each names a literal (or a cheap check)
        List<String> always = SecretCatalogue.RULES.stream().filter(r -> r.worthRunning().test("")).map(SecretRule::name).toList();
        assertEquals(List.of(), always);
        assertEquals(SecretCatalogue.RULES.size(), SecretCatalogue.RULES.stream().map(SecretRule::name).distinct().count(), "names are unique");
    }

    @Test
    void whatSurroundsASecretStaysReadable() {
        assertEquals("mail f***@example.com please", Redactor.clean("mail first.last@example.com please"));
        assertEquals("redis://[redacted]@db:6379/0", Redactor.clean("redis://:s3cr3t@db:6379/0"));
        assertEquals("https://[redacted]@host/x", Redactor.clean("https://user:p@ss@host/x"), "the last @ ends the password");
        assertEquals("Authorization: Basic [redacted]", Redactor.clean("Authorization: Basic dXNlcjpwYXNz"));
        assertEquals("Authorization: Bearer [redacted]", Redactor.clean("Authorization: Bearer s3cr3tZ9"));
        assertEquals("{\"password\": \"[redacted]\", \"user\": \"ops\"}", Redactor.clean("{\"password\": \"hunter2\", \"user\": \"ops\"}"));
        assertEquals("GF_SECURITY_ADMIN_PASSWORD=[redacted] next", Redactor.clean("GF_SECURITY_ADMIN_PASSWORD=admin next"));
        assertEquals("see [redacted].", Redactor.clean("see https://hooks.slack.com/services/T0/B0/X."));
        assertEquals("target 127.0.0.1:9090 but ip=[redacted]", Redactor.clean("target 127.0.0.1:9090 but ip=10.1.2.3"));
    }

    @Test
    void labelsAreMaskedByTheirKey() {
        Redactor r = new Redactor();
        assertEquals(Map.of("alertname", "X", "user_id", "[redacted]", "api_key", "[redacted]", "DB_PASSWORD", "[redacted]", "workspace_id", "w1"),
                r.labels(Map.of("alertname", "X", "user_id", "42", "api_key", "k", "DB_PASSWORD", "pw", "workspace_id", "w1")));
        assertTrue(r.found().containsAll(Set.of(Kind.FORBIDDEN_LABEL, Kind.SECRET_ENV)));
    }

    @BeforeAll
    static void compileOnce() {
        // the bound below is about backtracking, not about the JIT compiling the patterns: run them once first
        for (String line : hostileLines()) Redactor.clean(line.substring(0, 64 * 1024));
    }

    /**
     * Lines built to make a backtracking pattern go quadratic or worse; each 1 MB line must take less than 2 s of this
     * thread's CPU (CPU, not wall-clock time: the bound is about the patterns, not about what else the machine runs).
     */
    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileLines")
    void aHostileMegabyteLineFinishesQuickly(String line) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        String out = assertTimeout(Duration.ofSeconds(30), () -> Redactor.clean(line));
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - before);
        assertTrue(cpu.compareTo(Duration.ofSeconds(2)) < 0, "took " + cpu.toMillis() + " ms of CPU");
        assertTrue(out.length() > 0);
    }

    static List<String> hostileLines() {
        int n = 1 << 20;
        return List.of(
                "a.".repeat(n / 2),
                "http://".repeat(n / 7),
                "https://a:b".repeat(n / 11),
                "a@b.".repeat(n / 4),
                "eyJ".repeat(n / 3) + ".",
                "password=".repeat(n / 9),
                "\"token\": \"".repeat(n / 11),
                "-----BEGIN PRIVATE KEY-----" + "A".repeat(n),
                "-----BEGIN PRIVATE KEY-----\n".repeat(n / 28),
                "Bearer ".repeat(n / 7),
                "A1b2".repeat(n / 4),
                "redis-cli ".repeat(n / 10),
                "x".repeat(n),
                "ghp_" + "a".repeat(n),
                "x:".repeat(n / 2) + "@tcp(");
    }
}
