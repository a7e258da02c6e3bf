package io.nightwatch.runbook.recovery;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import io.nightwatch.text.Texts;
import java.util.List;

/**
 * A step that only reads and explains: it prints what it found, with the evidence, and keeps the findings the later
 * steps decide on in the journal (so a resumed run decides the same way). Nothing to undo.
 */
final class Diagnose implements Step {

    private static final Texts T = Texts.of(Diagnose.class);

    /** What the diagnosis does; returns the lines for the operator and may {@link RunContext#put} findings. */
    interface Reader {
        List<String> read(RunContext ctx) throws Exception;
    }

    private final String id;
    private final String title;
    private final String explanation;
    private final List<String> reads;
    private final Reader reader;

    Diagnose(String id, String title, String explanation, List<String> reads, Reader reader) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
        this.reads = List.copyOf(reads);
        this.reader = reader;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String explanation() { return T.get("diagnose.explanation", explanation); }
    public List<String> preview(RunContext ctx) { return reads; }

    public void execute(RunContext ctx) throws Exception {
        for (String line : reader.read(ctx)) ctx.output(line);
    }
}
