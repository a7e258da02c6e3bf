package io.nightwatch.packaging;

import io.nightwatch.bench.LauncherEnvironment;
import io.nightwatch.bench.LauncherOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window's launchers carry the measured JVM options (packaging/jvm-options), the same in each; serve's launcher
 * its own (packaging/serve-jvm-options).
 */
class LauncherOptionsTest {

    private static List<String> fileOptions() throws Exception {
        return LauncherOptions.window();
    }

    @Test
    void optionsCapTheHeapAndChooseASmallHeapCollector() throws Exception {
        List<String> options = fileOptions();
        assertTrue(options.stream().anyMatch(o -> o.matches("-Xmx\\d+[mg]")), "a heap cap: " + options);
        assertTrue(options.contains("-XX:+UseSerialGC"), "a collector for small heaps: " + options);
    }

    @Test
    void backupsKeepTheCompilerThatHashesAtDiskSpeed() throws Exception {
        // C1 alone has no SHA-256 or AES-GCM intrinsics: a backup hashed at 90 MiB/s instead of 1 GiB/s
        for (List<String> options : List.of(fileOptions(), LauncherOptions.serve())) {
            assertTrue(options.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.equals("-XX:-TieredCompilation")
                    || o.equals("-Xint")), options.toString());
        }
    }

    @Test
    void serveKeepsTheCapAndCollectorButNotWhatTheWindowTradesForIdling() throws Exception {
        List<String> serve = LauncherOptions.serve();
        assertTrue(serve.stream().anyMatch(o -> o.matches("-Xmx\\d+[mg]")) && serve.contains("-XX:+UseSerialGC"), serve.toString());
        // a storm ran 1 s longer with the window's late C2 and 10 MiB young generation (docs/benchmarks.md)
        assertTrue(serve.stream().noneMatch(o -> o.startsWith("-XX:Tier") || o.startsWith("-XX:MaxNewSize") || o.startsWith("-Xms")), serve.toString());
        assertTrue(serve.stream().noneMatch(o -> o.startsWith("-Dprism.") || o.startsWith("-Djavafx.")), "serve has no window: " + serve);
    }

    @Test
    void javafxRunUsesTheSameOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher plugin = Pattern.compile("<artifactId>javafx-maven-plugin</artifactId>(.*?)</plugin>", Pattern.DOTALL).matcher(pom);
        assertTrue(plugin.find());
        List<String> options = new ArrayList<>();
        Matcher m = Pattern.compile("<option>([^<]+)</option>").matcher(plugin.group(1));
        while (m.find()) options.add(m.group(1).strip());
        // javafx:run puts JavaFX on the module path: only there the frame timer's package access is added
        List<String> moduleAccess = options.stream().filter(o -> o.startsWith("--add-")).toList();
        assertTrue(moduleAccess.stream().allMatch(o -> o.matches("--add-(opens|exports)=javafx\\.graphics/[\\w.]+=ALL-UNNAMED")), moduleAccess.toString());
        options.removeAll(moduleAccess);
        assertEquals(fileOptions(), options);
    }

    @Test
    void theDebBuildPassesTheFile() throws Exception {
        String script = Files.readString(Path.of("packaging/build-deb.sh"));
        assertTrue(script.contains("packaging/jvm-options") && script.contains("--java-options"), script);
        assertTrue(script.contains("packaging/serve-jvm-options") && script.contains("--add-launcher nightwatch-serve="), script);
    }

    @Test
    void theInstalledLauncherKeepsGtkFromLoadingOpenGl() throws Exception {
        assertEquals(java.util.Map.of("GDK_GL", "disable", "MALLOC_ARENA_MAX", "2"), LauncherEnvironment.read(),
                "the benchmarks read the launcher's environment from the script");
        String script = Files.readString(Path.of("packaging/build-deb.sh"));
        assertTrue(script.contains("packaging/nightwatch-launcher.sh \"$ROOT/usr/bin/nightwatch\""), "the deb installs it as /usr/bin/nightwatch");
        assertTrue(fileOptions().contains("-Dprism.order=sw"), "the window draws in software: OpenGL is never needed");
        String launcher = Files.readString(LauncherEnvironment.SCRIPT);
        assertTrue(launcher.contains("\nif [ \"${1-}\" = serve ]; then exec /opt/nightwatch/bin/nightwatch-serve \"$@\"; fi\n"),
                "serve starts through its own launcher: " + launcher);
    }
}
