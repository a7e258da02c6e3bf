package io.nightwatch.incident.export;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.redact.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/** Writes an incident's post-mortem in one of three formats, redacted; the file appears whole or not at all. */
public final class IncidentExport {

    public enum Format {
        MARKDOWN("md"), JSON("json"), HTML("html");

        private final String extension;

        Format(String extension) { this.extension = extension; }

        public String extension() { return extension; }

        /** "md", "markdown", "json", "html". @throws IllegalArgumentException otherwise */
        public static Format of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MARKDOWN;
                case "json" -> JSON;
                case "html", "htm" -> HTML;
                default -> throw new IllegalArgumentException("unknown export format '" + name + "' (md, json or html)");
            };
        }
    }

    private IncidentExport() {}

    /** The export as text. */
    public static String render(IncidentReport report, Format format) {
        RedactedReport r = RedactedReport.of(report);
        return switch (format) {
            case MARKDOWN -> MarkdownExport.write(r);
            case JSON -> JsonExport.write(r);
            case HTML -> HtmlExport.write(r);
        };
    }

    /** What {@link #render} would redact, by kind. */
    public static Set<Kind> redactedKinds(IncidentReport report) {
        return RedactedReport.of(report).redacted();
    }

    /** Writes the export to {@code file} through a temporary file and a rename, so a full disk leaves no half file. */
    public static void write(IncidentReport report, Format format, Path file) throws IOException {
        String text = render(report, format);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
