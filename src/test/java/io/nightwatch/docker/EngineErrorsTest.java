package io.nightwatch.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Engine refusals as an operator reads them: one sentence about the service, never the engine's JSON. */
class EngineErrorsTest {

    @Test
    void aStoppedContainerSaysStartItFirst() {
        // the exact words docker-java gives for the backup wizard's failure in issue 18
        ConflictException e = new ConflictException("Status 409: {\"message\":\"Container 3f2a9c is not running\"}\n");
        assertEquals("redis is not running — start it first", EngineErrors.sentence(e, "redis"));
        assertEquals("Step 'Save redis' failed: redis is not running — start it first",
                EngineErrors.sentence("Step 'Save redis' failed: Status 409: {\"message\":\"Container 3f2a9c is not running\"}", "redis"));
    }

    @Test
    void otherRefusalsAreWordedToo() {
        assertEquals("redis has no container on this host",
                EngineErrors.sentence(new NotFoundException("Status 404: {\"message\":\"No such container: sva-studio-redis\"}"), "redis"));
        assertEquals("redis is paused — unpause it first",
                EngineErrors.sentence(new ConflictException("Status 409: {\"message\":\"Container abc is paused, unpause the container before stopping or killing\"}"), "redis"));
        String odd = EngineErrors.sentence(new ConflictException("Status 409: {\"message\":\"something new\"}"), "redis");
        assertEquals("redis: the engine refused (something new)", odd);
        assertFalse(odd.contains("{"));
    }

    @Test
    void textWithoutAnEngineAnswerStaysAsItWas() {
        assertEquals("no HOME", EngineErrors.sentence("no HOME", "redis"));
        assertEquals("the engine refused without a reason", EngineErrors.sentence("", "redis"));
    }

    @Test
    void inGermanTheSentenceIsGermanAndTheEngineWordsStillDecide() {
        io.nightwatch.text.Language.use(io.nightwatch.text.Language.DE);
        try {
            assertEquals("redis läuft nicht — zuerst starten", EngineErrors.sentence(
                    new ConflictException("Status 409: {\"message\":\"Container 3f2a9c is not running\"}\n"), "redis"));
            assertEquals("redis hat auf diesem Host keinen Container",
                    EngineErrors.sentence(new NotFoundException("Status 404: {\"message\":\"No such container: sva-studio-redis\"}"), "redis"));
        } finally {
            io.nightwatch.text.Language.use(io.nightwatch.text.Language.EN);
        }
    }
}
