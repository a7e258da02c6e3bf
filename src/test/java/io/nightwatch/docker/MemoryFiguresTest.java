package io.nightwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine's {@code memory_stats} as {@code docker stats} reads it, from answers in the engine's own shape. */
class MemoryFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<MemoryUsage> read(String memoryStats) throws Exception {
        JsonNode stats = JSON.readTree("{\"read\":\"2026-12-07T04:00:00Z\",\"memory_stats\":" + memoryStats + "}");
        return DockerGateway.toMemory(stats.path("memory_stats"));
    }

    @Test
    void cgroupTwoSubtractsInactiveFile() throws Exception {
        assertEquals(Optional.of(new MemoryUsage(100L << 20, 512L << 20)),
                read("{\"usage\":" + (130L << 20) + ",\"stats\":{\"inactive_file\":" + (30L << 20) + ",\"anon\":1},\"limit\":" + (512L << 20) + "}"));
    }

    @Test
    void cgroupOneSubtractsTotalInactiveFile() throws Exception {
        assertEquals(Optional.of(new MemoryUsage(60, 1000)),
                read("{\"usage\":100,\"max_usage\":200,\"stats\":{\"total_inactive_file\":40,\"inactive_file\":10},\"limit\":1000}"));
    }

    @Test
    void aStoppedContainerHasNoFigure() throws Exception {
        assertEquals(Optional.empty(), read("{}"));
    }

    @Test
    void figuresThatAreNoNumbersAreNotBelieved() throws Exception {
        assertEquals(Optional.empty(), read("{\"usage\":\"lots\",\"limit\":1000}"));
        assertEquals(Optional.empty(), read("{\"usage\":-5,\"limit\":1000}"));
        assertEquals(Optional.of(new MemoryUsage(100, 0)), read("{\"usage\":100,\"stats\":{\"inactive_file\":500},\"limit\":-1}"));
    }
}
