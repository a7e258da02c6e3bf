package io.nightwatch.redact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test corpora: fake secrets as they appear in the wild (redaction/secrets.tsv), and ordinary text (negatives.txt). */
public final class SecretCorpus {

    /** One fake secret: the kind that must be reported, the text it hides in, the part that must not survive. */
    public record Entry(Kind kind, String text, String secret) {
        @Override
        public String toString() {
            return kind + ": " + (secret.length() > 40 ? secret.substring(0, 40) + "…" : secret);
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\\\|n)");

    private SecretCorpus() {}

    public static List<Entry> secrets() {
        List<Entry> out = new ArrayList<>();
        for (String line : lines("/redaction/secrets.tsv")) {
            String[] f = line.split("\t");
            String text = unescape(f[1]);
            out.add(new Entry(Kind.valueOf(f[0]), text, f.length > 2 ? unescape(f[2]) : text));
        }
        return out;
    }

    public static List<String> negatives() {
        return lines("/redaction/negatives.txt");
    }

    /** "\n" is a line break, "\\" a backslash (so a JSON-escaped "\\n" stays two characters). */
    static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).equals("n") ? "\n" : "\\"));
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SecretCorpus.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("test resource missing: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
