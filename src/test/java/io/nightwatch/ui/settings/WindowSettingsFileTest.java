package io.nightwatch.ui.settings;

import io.nightwatch.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's memory is a file anyone with the account can edit: what is bad is dropped, never trusted. */
class WindowSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() {
        WindowSettingsFile file = new WindowSettingsFile(dir.resolve("window.properties"));
        assertEquals(WindowSettings.none(), file.read());
        WindowSettings s = WindowSettings.none().withBounds(new WindowSettings.Bounds(10, 20, 1000, 700), true)
                .withView("FLOW").withTheme("LIGHT").withLanguage(Language.DE);
        file.write(s);
        assertEquals(s, file.read());
        assertFalse(Files.exists(dir.resolve("window.properties.new")), "written aside, then moved in place");
    }

    @Test
    void badValuesAreDroppedOneByOne() throws Exception {
        Path path = dir.resolve("window.properties");
        Files.writeString(path, "x=10\ny=20\nwidth=99999999\nheight=700\nview=../../etc\ntheme=pink\nlanguage=fr\nmaximized=yes\n");
        WindowSettings read = new WindowSettingsFile(path).read();
        assertEquals(WindowSettings.none(), read);
        Files.writeString(path, "x=NaN\ny=0\nwidth=800\nheight=600\nview=alerts\ntheme=light\nlanguage=de\n");
        read = new WindowSettingsFile(path).read();
        assertEquals(Optional.empty(), read.bounds(), "NaN is no position");
        assertEquals(Optional.of("ALERTS"), read.view());
        assertEquals(Optional.of("LIGHT"), read.theme());
        assertEquals(Optional.of(Language.DE), read.language());
    }

    @Test
    void aHugeFileOrASymlinkIsNotRead(@TempDir Path elsewhere) throws Exception {
        Path path = dir.resolve("window.properties");
        Files.writeString(path, "view=flow\n" + "#".repeat(WindowSettingsFile.MAX_BYTES));
        assertEquals(WindowSettings.none(), new WindowSettingsFile(path).read());

        Files.delete(path);
        Path target = elsewhere.resolve("other.properties");
        Files.writeString(target, "view=flow\n");
        Files.createSymbolicLink(path, target);
        WindowSettingsFile linked = new WindowSettingsFile(path);
        assertEquals(WindowSettings.none(), linked.read(), "a symlink in its place is not followed");
        linked.write(WindowSettings.none().withView("ALERTS"));
        assertEquals("view=flow\n", Files.readString(target), "nor written through");
        assertTrue(Files.isSymbolicLink(path));
    }
}
