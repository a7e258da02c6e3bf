package io.nightwatch.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFormatsTest {

    @Test
    void durationsPickTheUnitAnOperatorReads() {
        assertEquals("850 ms", Durations.human(Duration.ofMillis(850)));
        assertEquals("119 s", Durations.human(Duration.ofSeconds(119)));
        assertEquals("3 min", Durations.human(Duration.ofMinutes(3)));
        assertEquals("47 h", Durations.human(Duration.ofHours(47)));
        assertEquals("2 d", Durations.human(Duration.ofHours(48)));
    }

    @Test
    void bytesUseBinaryUnitsAndAPointInEveryLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("1023 B", Bytes.human(1023));
            assertEquals("1.5 KiB", Bytes.human(1536));
            assertEquals("512 MiB", Bytes.human(512L * 1024 * 1024));
            assertEquals("12 GiB", Bytes.human(12L * 1024 * 1024 * 1024 + 100));
        } finally {
            Locale.setDefault(before);
        }
    }
}
