package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.runbook.RunbookDocs;
import io.nightwatch.stack.ReferenceStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch runbooks docs --out docs/operations}: the operator docs, generated from the runbooks themselves. */
@Command(name = "runbooks", mixinStandardHelpOptions = true, subcommands = RunbooksCommand.Docs.class)
public class RunbooksCommand {

    private static final Texts T = Texts.of(RunbooksCommand.class);

    @Command(name = "docs", mixinStandardHelpOptions = true)
    static class Docs implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "docs/operations")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // Docs describe the reference stack with example parameters; nothing is contacted.
            Map<String, String> env = Map.of("HOME", "~");
            try (RunbookCli cli = new RunbookCli(ReferenceStack.profile(), env)) {
                RunbookDocs.writeAll(cli.registry(), out);
            }
            spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("runbooks.docsWritten", out));
            return 0;
        }
    }
}
