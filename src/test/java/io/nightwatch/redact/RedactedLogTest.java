package io.nightwatch.redact;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log lines as the shipped logback.xml writes them (its own appender's encoder, its pattern and converters): no secret
 * of the corpus survives in a message, an argument, an exception message or a cause's; ordinary text does.
 */
class RedactedLogTest {

    private LoggerContext context;
    private Logger logger;
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configureAsShipped() throws Exception {
        URL config = getClass().getResource("/logback.xml");
        assertNotNull(config, "logback.xml on the class path");
        assertTrue(config.getPath().contains("/classes/"), "the main configuration, not a test one: " + config);
        context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(config);
        List<String> problems = context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() >= Status.WARN)
                .map(Status::getMessage).toList();
        assertEquals(List.of(), problems, "logback.xml loads cleanly");
        appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertNotNull(appender, "the STDERR appender of logback.xml");
        logger = context.getLogger("io.nightwatch.runbook.Execution");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static List<SecretCorpus.Entry> secrets() {
        return SecretCorpus.secrets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void noSecretReachesALogLine(SecretCorpus.Entry e) {
        Exception cause = new IllegalStateException("engine answered: " + e.text());
        Exception failure = new RuntimeException("restore of redis failed near " + e.text(), cause);
        String line = write(new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "step {} failed: {}", failure,
                new Object[]{"copy-data", e.text()}));
        assertFalse(line.contains(e.secret()), "survived: " + line);
        assertTrue(line.contains("step copy-data failed:"), line);
        assertTrue(line.contains("java.lang.RuntimeException: restore of redis failed near") && line.contains("Caused by: java.lang.IllegalStateException")
                && line.contains("\tat "), "the stack trace is still there: " + line);
    }

    @Test
    void ordinaryTextIsLoggedAsItIs() {
        for (String text : SecretCorpus.negatives()) {
            String line = write(new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "status: {}", null, new Object[]{text}));
            assertTrue(line.contains("WARN  Execution - status: " + text), line);
        }
    }

    private String write(LoggingEvent event) {
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
