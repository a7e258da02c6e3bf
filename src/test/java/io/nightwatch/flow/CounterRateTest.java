package io.nightwatch.flow;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.*;

class CounterRateTest {

    @Test
    void rateIsTheIncreasePerSecond() {
        CounterRate rate = new CounterRate();
        assertTrue(rate.update(0, 100).isEmpty(), "the first reading has nothing to compare with");
        assertEquals(5.0, rate.update(2_000, 110).getAsDouble(), 1e-9);
        assertEquals(0.0, rate.update(4_000, 110).getAsDouble(), 1e-9);
    }

    @Test
    void aResetCountsFromZeroNeverNegativeNorSpiking() {
        CounterRate rate = new CounterRate();
        rate.update(0, 1_000_000);
        rate.update(5_000, 1_000_500); // 100/s
        OptionalDouble afterRestart = rate.update(10_000, 40); // the service restarted: counter began again at 0
        assertEquals(8.0, afterRestart.getAsDouble(), 1e-9, "40 counted since the restart over 5 s");
        assertTrue(afterRestart.getAsDouble() >= 0);
        assertTrue(afterRestart.getAsDouble() <= 100, "no spike after a reset");
        assertEquals(2.0, rate.update(15_000, 50).getAsDouble(), 1e-9);
    }

    @Test
    void aMissedScrapeWidensTheIntervalInsteadOfInventingData() {
        CounterRate rate = new CounterRate();
        rate.update(0, 0);
        // readings at 2 s and 4 s were lost; the next one averages over the whole gap
        assertEquals(10.0, rate.update(6_000, 60).getAsDouble(), 1e-9);
    }

    @Test
    void unusableValuesAreIgnored() {
        CounterRate rate = new CounterRate();
        rate.update(0, 10);
        assertTrue(rate.update(1_000, Double.NaN).isEmpty());
        assertTrue(rate.update(2_000, Double.POSITIVE_INFINITY).isEmpty());
        assertTrue(rate.update(3_000, -5).isEmpty());
        assertEquals(2.0, rate.update(5_000, 20).getAsDouble(), 1e-9, "compared with the last good reading");
        assertTrue(rate.update(5_000, 30).isEmpty(), "no time passed: no rate");
    }

    @Test
    void lookBackSmoothsACounterThatMovesInSteps() {
        // Prometheus appends 300 samples once per 15 s scrape; the console reads every 5 s.
        CounterRate pairwise = new CounterRate();
        CounterRate smoothed = new CounterRate(30_000);
        double counter = 0;
        int zerosPairwise = 0;
        int zerosSmoothed = 0;
        for (int second = 0; second <= 120; second += 5) {
            if (second > 0 && second % 15 == 0) counter += 300;
            OptionalDouble p = pairwise.update(second * 1000L, counter);
            OptionalDouble s = smoothed.update(second * 1000L, counter);
            if (second >= 30) {
                if (p.getAsDouble() == 0) zerosPairwise++;
                if (s.getAsDouble() == 0) zerosSmoothed++;
                assertEquals(20.0, s.getAsDouble(), 10.0, "around 300 per 15 s at " + second + " s");
            }
        }
        assertTrue(zerosPairwise > 10, "the comb the look-back avoids");
        assertEquals(0, zerosSmoothed);
    }

    @Test
    void lastMovementIsRemembered() {
        CounterRate rate = new CounterRate(30_000);
        rate.update(1_000, 5);
        assertEquals(1_000, rate.lastMovedOrFirstSeenAtMillis(), "never moved yet: since first seen");
        rate.update(2_000, 6);
        rate.update(9_000, 6);
        assertEquals(2_000, rate.lastMovedOrFirstSeenAtMillis());
    }
}
