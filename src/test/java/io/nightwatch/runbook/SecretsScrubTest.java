package io.nightwatch.runbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a run writes to its journal loses the values of its secret parameters and every shape the catalogue knows. */
class SecretsScrubTest {

    @Test
    void journalTextLosesNamedAndUnnamedSecrets() {
        assertEquals("copy with postgres://nightwatch:[redacted]@db:5432 and [redacted] for prom/prometheus:v2.52.0 on 127.0.0.1:9090",
                Secrets.scrub("copy with postgres://nightwatch:FAKEparam77@db:5432 and ghp_FAKEgithub0123456789abcdefABCDEFghij12 "
                        + "for prom/prometheus:v2.52.0 on 127.0.0.1:9090", List.of("FAKEparam77")));
    }
}
