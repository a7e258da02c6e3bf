package io.nightwatch.redact;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %redactedMsg}: the log message with every secret taken out (logback.xml). */
public final class RedactedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.clean(event.getFormattedMessage());
    }
}
