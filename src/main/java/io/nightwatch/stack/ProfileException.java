package io.nightwatch.stack;

import java.nio.file.Path;

/** A profile that cannot be used, with the file, line and field an operator has to fix. */
public class ProfileException extends Exception {

    private final Path file;
    private final int line;
    private final String field;

    public ProfileException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() { return file; }
    public int line() { return line; }
    public String field() { return field; }
}
