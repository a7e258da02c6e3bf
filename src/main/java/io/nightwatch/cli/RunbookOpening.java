package io.nightwatch.cli;

import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.stack.StackProfile;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * How every runbook command opens: the profile (or exit 64 with what is wrong in it), the runbook catalog, the engines
 * that must answer first, the runs that a crash left unfinished; and how it ends when the input is wrong (64) or an
 * engine is gone (3). The command's own part is the {@link Body}.
 */
final class RunbookOpening {

    interface Body {
        int run(RunbookCli cli) throws Exception;
    }

    private final ProfileOptions profileOptions;
    private final PrintWriter err;
    private String answering;
    private boolean warn = true;

    private RunbookOpening(ProfileOptions profileOptions, PrintWriter err) {
        this.profileOptions = profileOptions;
        this.err = err;
    }

    static RunbookOpening of(ProfileOptions profileOptions, PrintWriter err) {
        return new RunbookOpening(profileOptions, err);
    }

    /** Pings the engines of these services (comma-separated, or all stateful ones) before anything starts. */
    RunbookOpening answering(String services) {
        this.answering = services;
        return this;
    }

    /** Whether to list the interrupted runs before starting (default yes; not for reading commands). */
    RunbookOpening warnAboutInterrupted(boolean warn) {
        this.warn = warn;
        return this;
    }

    int run(Body body) throws Exception {
        Map<String, String> env = System.getenv();
        Optional<StackProfile> loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        try (RunbookCli cli = new RunbookCli(loaded.get(), env)) {
            if (answering != null) cli.requireAnswering(answering);
            if (warn) cli.warnAboutInterrupted(err);
            return body.run(cli);
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        } catch (EngineUnreachableException e) {
            NightwatchCommand.sayUnreachable(err, e);
            return NightwatchCommand.EXIT_ENGINE_UNREACHABLE;
        }
    }
}
