package io.nightwatch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import io.nightwatch.stack.XdgDirs;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * For the commands that change things: the terminal gets one line per problem, the stack traces go to
 * {@code $XDG_STATE_HOME/nightwatch/nightwatch.log} (a tired operator reads the paragraph; whoever debugs, the log).
 * {@code NIGHTWATCH_LOG_LEVEL=DEBUG} keeps them on the terminal too.
 */
final class CommandLog {

    private static final String FILE_APPENDER = "COMMAND-FILE";
    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%nopex";

    private CommandLog() {}

    /** Returns the log file, when one could be opened. */
    static synchronized Optional<Path> stackTracesToStateLog(Map<String, String> env) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return Optional.empty();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> existing = root.getAppender(FILE_APPENDER);
        if (existing instanceof FileAppender<ILoggingEvent> file) return Optional.of(Path.of(file.getFile()));
        // a relative HOME (the docs generator's "~") would put a log under the working directory
        Optional<Path> log = XdgDirs.state(env).filter(Path::isAbsolute).map(d -> d.resolve("nightwatch.log"));
        if (log.isEmpty()) return Optional.empty();
        try {
            Files.createDirectories(log.get().getParent());
        } catch (IOException e) {
            return Optional.empty(); // the terminal keeps its stack traces then
        }
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(log.get().toString());
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{0} - %msg%n"));
        file.start();
        if (!file.isStarted()) return Optional.empty();
        root.addAppender(file);
        if (!"DEBUG".equalsIgnoreCase(env.getOrDefault("NIGHTWATCH_LOG_LEVEL", "")) && !"TRACE".equalsIgnoreCase(env.getOrDefault("NIGHTWATCH_LOG_LEVEL", ""))) {
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> console && !(console instanceof FileAppender)) {
                    console.stop();
                    console.setEncoder(encoder(context, CONSOLE_PATTERN));
                    console.start();
                }
            }
        }
        return log;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
