package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The records: immutable, sorted labels, and the lookup helpers. */
class ExpositionModelTest {

    @Test
    void sampleLabelsAreAnImmutableSortedCopy() {
        Map<String, String> source = new HashMap<>(Map.of("zone", "b", "app", "x", "mid", "m"));
        Sample s = new Sample("m", source, 1.5, OptionalLong.of(1000));
        source.put("late", "added");
        assertEquals(3, s.labels().size());
        assertEquals(List.of("app", "mid", "zone"), List.copyOf(s.labels().keySet()));
        assertEquals(Map.of("zone", "b", "app", "x", "mid", "m"), s.labels());
        assertEquals(Map.of("zone", "b", "app", "x", "mid", "m").hashCode(), s.labels().hashCode());
        assertThrows(UnsupportedOperationException.class, () -> s.labels().put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> s.labels().remove("app"));
        assertThrows(UnsupportedOperationException.class, () -> s.labels().clear());
        Iterator<Map.Entry<String, String>> it = s.labels().entrySet().iterator();
        Map.Entry<String, String> first = it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertThrows(UnsupportedOperationException.class, () -> first.setValue("y"));
        assertEquals("x", s.label("app"));
        assertNull(s.label("nope"));
        assertNull(s.label(null));
    }

    @Test
    void samplesCompareByValueIncludingNaN() {
        Sample a = new Sample("m", Map.of("a", "1"), Double.NaN);
        Sample b = new Sample("m", new HashMap<>(Map.of("a", "1")), Double.NaN, OptionalLong.empty());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void sampleRendersAsAnExpositionLine() {
        assertEquals("m{a=\"x\\\"y\\\\z\\n\",b=\"2\"} 1.5 1000",
                new Sample("m", Map.of("b", "2", "a", "x\"y\\z\n"), 1.5, OptionalLong.of(1000)).toString());
        assertEquals("up 1", new Sample("up", Map.of(), 1).toString());
        assertEquals("x +Inf", new Sample("x", Map.of(), Double.POSITIVE_INFINITY).toString());
        assertEquals("x NaN", new Sample("x", Map.of(), Double.NaN).toString());
    }

    @Test
    void sampleRejectsNulls() {
        assertThrows(NullPointerException.class, () -> new Sample(null, Map.of(), 1));
        assertThrows(NullPointerException.class, () -> new Sample("m", null, 1));
        assertThrows(NullPointerException.class, () -> new Sample("m", Map.of(), 1, null));
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(NullPointerException.class, () -> new Sample("m", withNull, 1));
    }

    @Test
    void familyCopiesItsSamplesAndChecksTheirNames() {
        List<Sample> samples = new ArrayList<>(List.of(new Sample("h_bucket", Map.of("le", "+Inf"), 2),
                new Sample("h_count", Map.of(), 2)));
        MetricFamily f = new MetricFamily("h", MetricType.HISTOGRAM, null, samples);
        samples.clear();
        assertEquals(2, f.samples().size());
        assertEquals("", f.help());
        assertThrows(UnsupportedOperationException.class, () -> f.samples().add(new Sample("h_sum", Map.of(), 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new MetricFamily("h", MetricType.HISTOGRAM, "", List.of(new Sample("other", Map.of(), 1))));
    }

    @Test
    void expositionHelpers() throws Exception {
        Exposition e = ExpositionParser.parse("""
                # TYPE req counter
                req{code="200",method="get"} 10
                req{code="500",method="get"} 2
                req{code="200",method="post"} 5
                # TYPE req_sum gauge
                req_sum 99
                # TYPE lat histogram
                lat_bucket{le="1"} 3
                lat_bucket{le="+Inf"} 4
                lat_sum 2.5
                lat_count 4
                """);
        assertEquals(3, e.families().size());
        assertEquals(8, e.sampleCount());
        assertThrows(UnsupportedOperationException.class, () -> e.families().remove(0));
        assertTrue(e.family("nope").isEmpty());
        assertTrue(e.family("lat_bucket").isEmpty(), "family() takes the base name");

        assertEquals(17.0, e.sum("req", Map.of()).orElseThrow());
        assertEquals(15.0, e.sum("req", Map.of("code", "200")).orElseThrow());
        assertEquals(2.0, e.sum("req", Map.of("code", "500", "method", "get")).orElseThrow());
        assertTrue(e.sum("req", Map.of("code", "404")).isEmpty());
        assertTrue(e.sum("req", Map.of("absent_label", "")).isEmpty(), "a missing label does not match \"\"");
        assertTrue(e.sum("nothing", Map.of()).isEmpty());
        // Exact names: "req_sum" is its own gauge family, "req" does not include it, and vice versa.
        assertEquals(99.0, e.sum("req_sum", Map.of()).orElseThrow());
        assertEquals(3, e.samples("req").size());
        assertEquals(2, e.samples("lat_bucket").size());
        assertEquals(4.0, e.sum("lat_count", Map.of()).orElseThrow());
        assertTrue(e.samples("lat").isEmpty());
    }
}
