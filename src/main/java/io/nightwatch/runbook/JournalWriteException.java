package io.nightwatch.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.nightwatch.text.Texts;

/**
 * The journal could not be written (disk full, file system gone read-only ...). Thrown from
 * {@link RunContext#put} and {@link RunContext#output} so the step fails clearly instead of carrying on without
 * a record; while undoing, the runner records the problem instead and keeps compensating.
 */
public class JournalWriteException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private static final Texts T = Texts.of(JournalWriteException.class);

    private final transient Path journal;

    public JournalWriteException(Path journal, IOException cause) {
        super(T.get("journal.notWritten", journal, describe(cause)), cause);
        this.journal = journal;
    }

    public Path journal() {
        return journal;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
