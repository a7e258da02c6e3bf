package io.nightwatch.testbed;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a bounded timeout. Every testbed call (docker, openssl, the image
 * script) goes through here so that no test can hang on a stuck process.
 */
public final class Cli {

    /** A command that exited non-zero or timed out; the message carries its stderr. */
    public static final class CliException extends RuntimeException {
        private final int exitCode;
        private final String stderr;

        CliException(String message, int exitCode, String stderr) {
            super(message);
            this.exitCode = exitCode;
            this.stderr = stderr;
        }

        /** The exit code, or -1 after a timeout. */
        public int exitCode() {
            return exitCode;
        }

        public String stderr() {
            return stderr;
        }
    }

    private Cli() {
    }

    public static String run(Map<String, String> env, Duration timeout, String... command) {
        return run(env, timeout, Arrays.asList(command));
    }

    /**
     * Runs {@code command} with the current environment plus {@code env} (a null value removes a
     * variable) and stdin from /dev/null. Returns stdout without trailing whitespace.
     *
     * @throws CliException on a non-zero exit or when {@code timeout} passes (the process is killed)
     */
    public static String run(Map<String, String> env, Duration timeout, List<String> command) {
        return run(null, env, timeout, command);
    }

    /** As {@link #run(Map, Duration, List)}, in working directory {@code dir} (null: inherited). */
    public static String run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        // Drain both pipes on their own threads: a full pipe would block the child forever.
        Drain out = Drain.start(p.getInputStream());
        Drain err = Drain.start(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new CliException("timed out after " + timeout.toSeconds() + " s: " + command
                        + stderrSuffix(err.text()), -1, err.text());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CliException("interrupted: " + command, -1, "");
        }
        String stdout = out.text();
        String stderr = err.text();
        if (p.exitValue() != 0) {
            throw new CliException("exit code " + p.exitValue() + ": " + command + stderrSuffix(stderr),
                    p.exitValue(), stderr);
        }
        return stdout.stripTrailing();
    }

    private static String stderrSuffix(String stderr) {
        return stderr.isBlank() ? "" : "\nstderr: " + stderr.strip();
    }

    /** Collects a stream on a daemon thread; text() waits a bounded time for the end. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in) {
            this.in = in;
            this.thread = new Thread(this, "cli-drain");
            thread.setDaemon(true);
        }

        static Drain start(InputStream in) {
            Drain d = new Drain(in);
            d.thread.start();
            return d;
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(buf);
            } catch (IOException ignored) {
                // the process was killed: keep what we have
            }
        }

        String text() {
            try {
                // A grandchild may keep the pipe open after the child exits: do not wait forever.
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
