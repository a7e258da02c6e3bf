package io.nightwatch.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code nightwatch audit} in-process with a given environment (tests of other packages). */
public final class AuditCliAccess {

    public record Result(int exit, String out, String err) {}

    private AuditCliAccess() {}

    public static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new AuditCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code nightwatch drill restore ARGS}. */
    public static Result drillRestore(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DrillCommand.Restore(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
