package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live {@code /metrics} bodies of the testbed's real Prometheus and Alertmanager. */
@EngineTest
class LiveExpositionTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startReferenceServices() {
        TestEngine.shared().runReferenceServices();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1:9090/metrics, prometheus_build_info, prometheus_http_request_duration_seconds",
        "http://127.0.0.1:9093/metrics, alertmanager_build_info, alertmanager_http_request_duration_seconds",
    })
    void liveBodyParses(String url, String buildInfo, String histogram) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        String body = response.body();

        long t0 = System.nanoTime();
        Exposition e = ExpositionParser.parse(body);
        long micros = (System.nanoTime() - t0) / 1000;
        System.out.printf("[exposition] %s: %d bytes, %d families, %d samples, parsed in %d µs%n",
                url, body.length(), e.families().size(), e.sampleCount(), micros);

        assertTrue(e.sampleCount() > 200, "a real /metrics body has hundreds of samples: " + e.sampleCount());
        assertEquals(Fixtures.sampleLines(body).size(), e.sampleCount());
        assertEquals(Fixtures.typeLines(body).size(), e.families().size());
        assertEquals(1.0, e.samples(buildInfo).get(0).value());
        assertEquals(MetricType.HISTOGRAM, e.family(histogram).orElseThrow().type());
        assertEquals(MetricType.SUMMARY, e.family("go_gc_duration_seconds").orElseThrow().type());
    }
}
