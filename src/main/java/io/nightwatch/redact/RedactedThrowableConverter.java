package io.nightwatch.redact;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %redactedEx}: a stack trace whose messages (and causes' messages) have every secret taken out. */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redactor.clean(super.throwableProxyToString(proxy));
    }
}
