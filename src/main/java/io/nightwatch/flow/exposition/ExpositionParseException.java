package io.nightwatch.flow.exposition;

/**
 * A body that is not valid Prometheus text exposition format (0.0.4), or that exceeds the parser's
 * {@link ExpositionParser.Limits}. The message names the line and the fault, then quotes the
 * offending line (at most about 80 characters of it), e.g.
 * {@code line 17: expected '=' after label name "code", found '}' (in: http_requests_total{code} 1)}.
 */
public class ExpositionParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;
    private final String excerpt;

    public ExpositionParseException(int line, int column, String reason, String excerpt) {
        super("line " + line + ": " + reason + (excerpt == null || excerpt.isEmpty() ? "" : " (in: " + excerpt + ")"));
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** 1-based line number of the fault. */
    public int line() {
        return line;
    }

    /** 1-based character column of the fault within its line. */
    public int column() {
        return column;
    }

    /** The fault alone, without line number or excerpt. */
    public String reason() {
        return reason;
    }

    /** The offending line, shortened to about 80 characters around the fault, control characters escaped. */
    public String excerpt() {
        return excerpt;
    }
}
