package io.nightwatch.flow;

import java.util.regex.Pattern;

/**
 * Recognises error-level log lines in the formats the stack writes: logfmt ({@code level=error}), JSON
 * ({@code "level":"error"}), Go/Java style ({@code ERROR}, {@code [error]}), panics and fatals — what an operator
 * otherwise finds with {@code docker logs | grep -i error}, minus lines that merely mention the word.
 */
final class ErrorLines {

    private static final Pattern ERROR = Pattern.compile(
            "(?i)(\\blevel\\s*=\\s*\"?(error|err|fatal|crit|critical|panic)\\b"
                    + "|\"(level|severity|lvl)\"\\s*:\\s*\"(error|err|fatal|critical|panic)\""
                    + "|\\[(error|err|fatal|crit)\\]"
                    + "|\\bpanic:"
                    + "|^\\S*\\s*(E\\d{4}\\s|ERROR\\b|FATAL\\b|CRITICAL\\b)"
                    + "|\\s(ERROR|FATAL|CRITICAL)\\s)");

    private ErrorLines() {}

    static boolean isError(String line) {
        return line.length() <= 64 * 1024 && ERROR.matcher(line).find();
    }
}
