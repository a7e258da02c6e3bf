package io.nightwatch.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.bench.LauncherOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the .deb with packaging/build-deb.sh (after {@code package}: failsafe runs it in {@code verify}), installs it
 * and checks what an operator gets: {@code nightwatch} on the PATH, the user unit, completion, man pages, metadata.
 * As root (CI) it installs into the real system with dpkg and purges it afterwards; otherwise it unpacks the package
 * into a temporary root. Needs jpackage, fakeroot, dpkg-deb, asciidoctor, systemd-analyze, man: under CI=true a
 * missing tool fails, elsewhere the test is skipped with the reason.
 */
class PackageIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path DIST = PROJECT.resolve("target/dist-it");
    private static final List<String> TOOLS = List.of("jpackage", "fakeroot", "dpkg-deb", "asciidoctor", "systemd-analyze", "man", "bash");

    private static Path deb;
    /** "/" when dpkg installed the package into this machine, else the directory it was unpacked into. */
    private static Path root;
    private static boolean installedBySelf;
    private static Path scratch;

    @BeforeAll
    static void buildAndInstall() throws Exception {
        List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
        if (!missing.isEmpty()) {
            String why = "cannot build the .deb: " + String.join(", ", missing)
                    + " missing (Debian: apt-get install fakeroot asciidoctor systemd man-db; jpackage comes with the JDK)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + "\n(CI=true: a missing tool is a failure)");
            Assumptions.abort(why);
        }
        assertTrue(Files.isRegularFile(PROJECT.resolve("target/nightwatch.jar")), "target/nightwatch.jar: run after package");
        scratch = Files.createTempDirectory("nightwatch-package-it");
        Run build = run(List.of(PROJECT.resolve("packaging/build-deb.sh").toString()),
                Map.of("NIGHTWATCH_DEB_DIST", DIST.toString(), "NIGHTWATCH_DEB_COMPRESSION", "gzip"), 900);
        assertEquals(0, build.exit, "build-deb.sh failed:\n" + build.output);
        try (Stream<Path> files = Files.list(DIST)) {
            deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        if (isRoot() && run(List.of("dpkg", "-s", "nightwatch"), Map.of(), 60).exit != 0) {
            Run install = run(List.of("dpkg", "-i", deb.toString()), Map.of(), 300);
            assertEquals(0, install.exit, "dpkg -i failed:\n" + install.output);
            installedBySelf = true;
            root = Path.of("/");
        } else {
            // Not root, or an operator's own nightwatch is installed here: leave the system alone.
            root = scratch.resolve("root");
            Run unpack = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of(), 300);
            assertEquals(0, unpack.exit, "dpkg-deb -x failed:\n" + unpack.output);
        }
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (installedBySelf) {
            Run purge = run(List.of("dpkg", "--purge", "nightwatch"), Map.of(), 300);
            assertEquals(0, purge.exit, "dpkg --purge failed:\n" + purge.output);
            assertFalse(Files.exists(Path.of("/usr/bin/nightwatch"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "purge left /usr/bin/nightwatch");
        }
    }

    @Test
    void packageCarriesItsMetadataAndFiles() throws Exception {
        Run fields = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Maintainer", "Homepage", "Section", "Depends", "Recommends"), Map.of(), 60);
        assertEquals(0, fields.exit, fields.output);
        for (String expected : List.of("Package: nightwatch", "Maintainer: ", "Homepage: http", "Section: admin", "Depends: ", "Recommends: libgtk-3-0")) {
            assertTrue(fields.output.contains(expected), "control lacks " + expected + ":\n" + fields.output);
        }
        for (String file : List.of("usr/share/applications/nightwatch.desktop", "usr/share/icons/hicolor/scalable/apps/nightwatch.svg",
                "usr/share/icons/hicolor/256x256/apps/nightwatch.png", "usr/share/zsh/vendor-completions/_nightwatch",
                "usr/share/doc/nightwatch/copyright", "opt/nightwatch/bin/nightwatch")) {
            assertTrue(Files.isRegularFile(root.resolve(file)), file + " is not installed");
        }
        Path launcher = root.resolve("usr/bin/nightwatch");
        assertTrue(Files.isExecutable(launcher) && !Files.isSymbolicLink(launcher), "usr/bin/nightwatch is the launcher script");
        assertTrue(Files.readString(launcher).contains("\nexec /opt/nightwatch/bin/nightwatch \"$@\"\n"), Files.readString(launcher));
        assertTrue(Files.readString(root.resolve("usr/share/applications/nightwatch.desktop")).contains("\nExec=nightwatch\n"));
    }

    @Test
    void serveHasALauncherWithItsOwnOptions() throws Exception {
        Path serveLauncher = root.resolve("opt/nightwatch/bin/nightwatch-serve");
        assertTrue(Files.isExecutable(serveLauncher), "opt/nightwatch/bin/nightwatch-serve is not installed");
        assertEquals(LauncherOptions.serve(), cfgOptions("nightwatch-serve"), "serve's launcher bakes in packaging/serve-jvm-options");
        assertEquals(LauncherOptions.window(), cfgOptions("nightwatch"), "the window's launcher bakes in packaging/jvm-options");
        try (Stream<Path> lib = Files.list(root.resolve("opt/nightwatch/lib"))) {
            assertEquals(List.of(), lib.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".desktop")).toList(), "no menu entry under /opt");
        }
        Run version = run(List.of(serveLauncher.toString(), "--version"), Map.of("HOME", scratch.toString()), 120);
        assertEquals(0, version.exit, version.output);
        assertTrue(version.stdout.startsWith("nightwatch "), version.output);
        if (!installedBySelf) return; // /usr/bin/nightwatch names /opt/nightwatch: only an installed package can follow it

        // As the user unit starts it: /usr/bin/nightwatch serve becomes the serve launcher's process.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path profile = Files.writeString(scratch.resolve("serve-profile.yaml"), "services: []\n");
        ProcessBuilder pb = new ProcessBuilder("nightwatch", "serve", "--profile", profile.toString(), "--db", scratch.resolve("serve.db").toString(),
                "--listen", "127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(scratch.resolve("serve.out").toFile());
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString(), "DOCKER_HOST", "unix://" + scratch.resolve("no-engine.sock")));
        Process serve = pb.start();
        try {
            Path exe = Path.of("/proc", Long.toString(serve.pid()), "exe");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            Path seen = null;
            while (System.nanoTime() < deadline && serve.isAlive()) {
                seen = Files.readSymbolicLink(exe);
                if (seen.endsWith("nightwatch-serve")) break;
                Thread.sleep(50);
            }
            assertEquals(Path.of("/opt/nightwatch/bin/nightwatch-serve"), seen, "serve runs as: " + Files.readString(scratch.resolve("serve.out")));
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) serve.destroyForcibly().waitFor();
        }
    }

    /** The JVM options a jpackage launcher bakes in, without the one jpackage adds itself. */
    private static List<String> cfgOptions(String launcher) throws IOException {
        return Files.readAllLines(root.resolve("opt/nightwatch/lib/app/" + launcher + ".cfg")).stream()
                .filter(l -> l.startsWith("java-options=")).map(l -> l.substring("java-options=".length()))
                .filter(o -> !o.startsWith("-Djpackage.app-version=")).toList();
    }

    @Test
    void statusJsonWithoutAnEngineSaysUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // As installed: found on the PATH when dpkg put it in /usr/bin; from the unpacked tree otherwise.
        String command = installedBySelf ? "nightwatch" : root.resolve("opt/nightwatch/bin/nightwatch").toString();
        Run status = run(List.of(command, "status", "--json", "--timeout", "2", "-H", "tcp://127.0.0.1:" + closedPort),
                Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString(), "XDG_CONFIG_HOME", scratch.resolve("config").toString(),
                        "XDG_STATE_HOME", scratch.resolve("state").toString(), "XDG_DATA_HOME", scratch.resolve("data").toString()), 120);
        JsonNode doc = new ObjectMapper().readTree(status.stdout);
        assertFalse(doc.path("engines").get(0).path("reachable").asBoolean(true), "engine should be unreachable:\n" + status.output);
        assertEquals(doc.path("exitCode").asInt(), status.exit, "exit code and JSON disagree:\n" + status.output);
        assertEquals(3, status.exit, status.output);
    }

    @Test
    void userUnitVerifiesAndIsNotEnabled() throws Exception {
        Path unit = root.resolve("usr/lib/systemd/user/nightwatch-serve.service");
        String text = Files.readString(unit);
        assertTrue(text.contains("\nExecStart=/usr/bin/nightwatch serve\n"), text);
        if (!installedBySelf) {
            // Unpacked only: point ExecStart at the unpacked launcher so verify can find it; the rest is checked as shipped.
            unit = scratch.resolve("nightwatch-serve.service");
            Files.writeString(unit, text.replace("/usr/bin/nightwatch", root.resolve("opt/nightwatch/bin/nightwatch").toString()));
        }
        // A user manager is not needed for verify, only a runtime directory it can look up.
        Path runtime = Files.createDirectories(scratch.resolve("runtime"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Run verify = run(List.of("systemd-analyze", "--user", "verify", "--man=no", unit.toString()),
                Map.of("XDG_RUNTIME_DIR", runtime.toString(), "HOME", scratch.toString()), 120);
        assertEquals(0, verify.exit, verify.output);
        assertEquals("", verify.output.strip(), "systemd-analyze warns");
        for (String wants : List.of("etc/systemd/user/default.target.wants/nightwatch-serve.service", "etc/systemd/system/nightwatch-serve.service")) {
            assertFalse(Files.exists(root.resolve(wants), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the package enabled the unit: " + wants);
        }
    }

    @Test
    void bashCompletionCompletesASubcommand() throws Exception {
        Path script = root.resolve("usr/share/bash-completion/completions/nightwatch");
        assertEquals(0, run(List.of("bash", "-n", script.toString()), Map.of(), 60).exit, "bash -n fails");
        // The completion function as bash calls it for "nightwatch sta<TAB>"; the script path is an argument, not code.
        String complete = "source \"$1\"; COMP_WORDS=(nightwatch sta); COMP_CWORD=1; COMP_LINE='nightwatch sta';"
                + " COMP_POINT=${#COMP_LINE}; _complete_nightwatch; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run run = run(List.of("bash", "-c", complete, "completion", script.toString()), Map.of(), 60);
        assertEquals(0, run.exit, run.output);
        assertEquals(List.of("status", "stack"), run.stdout.strip().lines().toList());
    }

    @Test
    void zshCompletesASubcommand() throws Exception {
        // The zsh wrapper sources the bash completion from /usr/share, so it is only complete when installed.
        Assumptions.assumeTrue(installedBySelf, "zsh completion needs the package installed (run as root)");
        if (!onPath("zsh")) {
            String why = "zsh is missing (Debian: apt-get install zsh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + "\n(CI=true: a missing tool is a failure)");
            Assumptions.abort(why);
        }
        assertEquals(0, run(List.of("zsh", "-n", "/usr/share/zsh/vendor-completions/_nightwatch"), Map.of(), 60).exit);
        // An interactive zsh in a pseudo-terminal types "nightwatch ser<TAB>" and prints the edited line.
        Path driver = Path.of(PackageIT.class.getResource("/packaging/zsh-complete.zsh").toURI());
        Run zsh = run(List.of("zsh", "-f", driver.toString()), Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString()), 90);
        assertTrue(zsh.stdout.lines().anyMatch(line -> line.equals("BUF:nightwatch serve")), "zsh did not complete ser to serve:\n" + zsh.output);
    }

    @Test
    void manPagesRenderWithoutWarnings() throws Exception {
        Path dir = root.resolve("usr/share/man/man1");
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.sorted().toList();
        }
        assertTrue(pages.contains(dir.resolve("nightwatch.1.gz")) && pages.contains(dir.resolve("nightwatch-serve.1.gz")), pages.toString());
        for (Path page : List.of(dir.resolve("nightwatch.1.gz"), dir.resolve("nightwatch-status.1.gz"), dir.resolve("nightwatch-serve.1.gz"))) {
            Run man = run(List.of("man", "--warnings", "-E", "UTF-8", "-l", page.toString()),
                    Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat", "LANG", "C.UTF-8"), 60);
            assertEquals(0, man.exit, man.output);
            assertEquals("", man.stderr.strip(), page + ": groff warns");
            assertTrue(man.stdout.contains("SYNOPSIS"), man.stdout);
            if (page.endsWith("nightwatch-serve.1.gz")) {
                assertTrue(man.stdout.contains("[--listen=HOST:PORT]"), "synopsis broken inside a label:\n" + man.stdout);
            }
        }
    }

    private record Run(int exit, String stdout, String stderr, String output) {}

    /** Runs argv (never a shell string) with extra environment, bounded in time and in what it reads back. */
    private static Run run(List<String> argv, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("package-it", ".out");
        Path err = Files.createTempFile("package-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).directory(PROJECT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                Assertions.fail(argv + " did not end within " + timeoutSeconds + " s");
            }
            String stdout = head(out);
            String stderr = head(err);
            return new Run(process.exitValue(), stdout, stderr, stdout + stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        return run(List.of("id", "-u"), Map.of(), 30).stdout.strip().equals("0");
    }
}
