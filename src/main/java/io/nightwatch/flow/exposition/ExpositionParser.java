package io.nightwatch.flow.exposition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A hand-written parser for the Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/), following the reference parser
 * (expfmt's TextParser) where the format description leaves room:
 * <ul>
 *   <li>Lines end with {@code \n}; a {@code \r} before it is dropped, and the last line needs no
 *       newline. Blank lines are skipped. Tokens are separated by blanks and/or tabs.</li>
 *   <li>{@code #} starts a comment; only {@code # HELP name text} and {@code # TYPE name type}
 *       mean something. HELP text unescapes {@code \\} and {@code \n}; any other escape is an
 *       error. A second HELP or TYPE for a family is an error, and so is a TYPE after the family's
 *       samples. A HELP or TYPE line with nothing after the name is ignored, as expfmt does.</li>
 *   <li>Samples: {@code name [{labels}] value [timestamp]}. Metric names match
 *       {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*}
 *       ({@code __name__} is reserved), label values unescape {@code \\}, {@code \"} and
 *       {@code \n}. A trailing comma and an empty set {@code {}} are allowed, a repeated label
 *       name is not.</li>
 *   <li>Values are floats in Go's ParseFloat syntax without hex or underscores: decimal with
 *       optional exponent, {@code NaN}, {@code Inf}/{@code +Inf}/{@code -Inf} (or "infinity", any
 *       case). A finite value beyond the double range is an error. Timestamps are 64-bit integer
 *       milliseconds, optionally signed.</li>
 *   <li>{@code x_bucket}, {@code x_sum} and {@code x_count} samples join the family {@code x} when
 *       {@code x} was declared a histogram before them; {@code x_sum} and {@code x_count} join a
 *       summary {@code x} likewise. Their {@code le} and {@code quantile} labels must be numbers.</li>
 *   <li>Samples of one name split across the body are merged into one family (expfmt accepts
 *       this too); families without samples are dropped.</li>
 * </ul>
 * Deliberately more lenient than expfmt, in whitespace only: a missing final newline, {@code \r\n}
 * line ends, and blanks after a timestamp or after a TYPE word are accepted (expfmt rejects all
 * four). Otherwise it accepts and rejects what expfmt (prometheus/common 0.4x) does.
 * <p>
 * One pass over the string, no regular expressions, no per-line substrings. Names and short label
 * values are de-duplicated through a small cache, so a large body does not hold millions of
 * copies of {@code "le"} or {@code "GET"}. {@link Limits} bound what a hostile or runaway
 * endpoint can make the parser hold.
 * <p>
 * Why one class of about 800 lines: it is a single-pass scanner whose position, line and cache are
 * shared by every token rule; split into classes, each rule would take the cursor and the limits
 * back and forth.
 * <p>
 * Its error messages quote the exposition format's own terms (HELP, TYPE, label set) and stay English, like the format:
 * they are marked as tool text.
 */
public final class ExpositionParser {

    /**
     * Bounds on one parse.
     *
     * @param maxLineLength       characters of one line, its line break not counted
     * @param maxSamples          sample lines in the whole body; also bounds the number of metric
     *                            families, which HELP and TYPE lines alone can create
     * @param maxLabelValueLength characters of one label value, after unescaping
     */
    public record Limits(int maxLineLength, int maxSamples, int maxLabelValueLength) {

        /** 1 MiB lines, 2 million samples, 64 KiB label values. */
        public static final Limits DEFAULT = new Limits(1 << 20, 2_000_000, 64 << 10);

        public Limits {
            if (maxLineLength <= 0 || maxSamples <= 0 || maxLabelValueLength <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxLineLength + ", "
                        + maxSamples + ", " + maxLabelValueLength);
            }
        }
    }

    /** Parses {@code text} with {@link Limits#DEFAULT}. */
    public static Exposition parse(String text) throws ExpositionParseException {
        return parse(text, Limits.DEFAULT);
    }

    public static Exposition parse(String text, Limits limits) throws ExpositionParseException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return new ExpositionParser(text, limits).run();
    }

    // ---------------------------------------------------------------------------------------------

    private static final int EXCERPT_WIDTH = 80;
    private static final int POOL_SIZE = 4096; // power of two
    private static final int POOLED_VALUE_MAX = 64;

    private static final byte METRIC_START = 1;
    private static final byte METRIC_PART = 2;
    private static final byte LABEL_START = 4;
    private static final byte LABEL_PART = 8;
    private static final byte[] CHAR_CLASS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            byte b = 0;
            if (letter || c == ':') {
                b |= METRIC_START | METRIC_PART;
            }
            if (digit) {
                b |= METRIC_PART | LABEL_PART;
            }
            if (letter) {
                b |= LABEL_START | LABEL_PART;
            }
            CHAR_CLASS[c] = b;
        }
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private final String s;
    private final Limits limits;

    private int lineNo;
    private int lineStart;
    /** End of the current line's content: before its {@code \n} and a {@code \r} preceding it. */
    private int lineEnd;
    /** Scratch cursor set by the sub-parsers that consume a variable stretch. */
    private int pos;
    /** Index of the next backslash at or after some earlier position; s.length() if none. */
    private int nextBackslash = -1;
    /** Set by {@link #parseNumber} when the token is not a valid float. */
    private String numberError;

    private final Map<String, FamilyBuilder> byName = new HashMap<>();
    private final List<FamilyBuilder> order = new ArrayList<>();
    private String lastSampleName;
    private FamilyBuilder lastFamily;
    private int sampleCount;

    private String[] keyBuf = new String[16];
    private String[] valueBuf = new String[16];
    private int labelCount;

    private final String[] pool = new String[POOL_SIZE];

    private static final class FamilyBuilder {
        final String name;
        MetricType type;
        boolean typeLine;
        String help;
        final ArrayList<Sample> samples = new ArrayList<>();

        FamilyBuilder(String name) {
            this.name = name;
        }
    }

    private ExpositionParser(String text, Limits limits) {
        this.s = text;
        this.limits = limits;
    }

    private Exposition run() throws ExpositionParseException {
        final int len = s.length();
        int p = 0;
        while (p < len) {
            lineNo++;
            int nl = s.indexOf('\n', p);
            int end = nl < 0 ? len : nl;
            int next = nl < 0 ? len : nl + 1;
            if (end > p && s.charAt(end - 1) == '\r') {
                end--;
            }
            lineStart = p;
            lineEnd = end;
            if (end - p > limits.maxLineLength()) {
                throw error(p, "line is " + (end - p) + " characters long, over the limit of " // tool text
                        + limits.maxLineLength());
            }
            parseLine();
            p = next;
        }
        List<MetricFamily> families = new ArrayList<>(order.size());
        for (FamilyBuilder f : order) {
            if (!f.samples.isEmpty()) {
                families.add(new MetricFamily(f.name, f.type == null ? MetricType.UNTYPED : f.type,
                        f.help == null ? "" : f.help, f.samples));
            }
        }
        return new Exposition(families);
    }

    private void parseLine() throws ExpositionParseException {
        int i = skipBlanks(lineStart);
        if (i >= lineEnd) {
            return;
        }
        if (s.charAt(i) == '#') {
            parseComment(i + 1);
        } else {
            parseSample(i);
        }
    }

    // --- comments ---------------------------------------------------------------------------------

    private void parseComment(int i) throws ExpositionParseException {
        i = skipBlanks(i);
        if (i >= lineEnd) {
            return;
        }
        int keywordEnd = scanToken(i);
        boolean help = s.startsWith("HELP", i) && keywordEnd - i == 4;
        boolean type = !help && s.startsWith("TYPE", i) && keywordEnd - i == 4;
        if (!help && !type) {
            return; // an ordinary comment
        }
        String keyword = help ? "HELP" : "TYPE";
        i = skipBlanks(keywordEnd);
        if (i >= lineEnd) {
            return; // "# HELP" alone: not an error in expfmt either
        }
        int nameEnd = scanMetricName(i);
        if (nameEnd == i || (nameEnd < lineEnd && !isBlank(s.charAt(nameEnd)))) {
            throw error(i, "invalid metric name \"" + shorten(s.substring(i, scanToken(i))) + "\" in " + keyword // tool text
                    + " line: expected [a-zA-Z_:][a-zA-Z0-9_:]*"); // tool text
        }
        String name = pooled(i, nameEnd);
        i = skipBlanks(nameEnd);
        if (i >= lineEnd) {
            return; // a name and nothing more: ignored, as in expfmt
        }
        FamilyBuilder f = family(name);
        if (help) {
            if (f.help != null) {
                throw error(lineStart, "second HELP line for metric \"" + shorten(f.name) + "\""); // tool text
            }
            f.help = unescapeHelp(i);
        } else {
            if (f.typeLine) {
                throw error(lineStart, "second TYPE line for metric \"" + shorten(f.name) + "\""); // tool text
            }
            if (!f.samples.isEmpty()) {
                throw error(lineStart, "TYPE line for metric \"" + shorten(f.name) + "\" comes after its samples"); // tool text
            }
            int wordEnd = lineEnd;
            while (wordEnd > i && isBlank(s.charAt(wordEnd - 1))) {
                wordEnd--;
            }
            String word = s.substring(i, wordEnd);
            MetricType t = MetricType.fromWord(word);
            if (t == null) {
                throw error(i, "unknown metric type \"" + shorten(word) // tool text
                        + "\": expected counter, gauge, histogram, summary or untyped"); // tool text
            }
            f.type = t;
            f.typeLine = true;
        }
    }

    private String unescapeHelp(int i) throws ExpositionParseException {
        if (backslashAtOrAfter(i) >= lineEnd) {
            return s.substring(i, lineEnd);
        }
        StringBuilder sb = new StringBuilder(lineEnd - i);
        while (i < lineEnd) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= lineEnd) {
                throw error(i, "HELP text ends with a lone '\\'"); // tool text
            }
            char e = s.charAt(i + 1);
            if (e == '\\') {
                sb.append('\\');
            } else if (e == 'n') {
                sb.append('\n');
            } else {
                throw error(i, "invalid escape sequence '\\" + printable(e) // tool text
                        + "' in HELP text: only \\\\ and \\n are allowed"); // tool text
            }
            i += 2;
        }
        return sb.toString();
    }

    // --- samples ----------------------------------------------------------------------------------

    private void parseSample(int i) throws ExpositionParseException {
        if (sampleCount >= limits.maxSamples()) {
            throw error(i, "too many samples: the limit is " + limits.maxSamples()); // tool text
        }
        final int nameStart = i;
        final int nameEnd = scanMetricName(i);
        if (nameEnd == nameStart) {
            throw error(i, "invalid metric name: expected a letter, '_' or ':' at its start, found " + describe(i)); // tool text
        }
        String name = pooled(nameStart, nameEnd);
        FamilyBuilder family;
        if (name.equals(lastSampleName)) {
            family = lastFamily;
        } else {
            family = family(name);
            lastSampleName = name;
            lastFamily = family;
        }

        i = skipBlanks(nameEnd);
        Map<String, String> labels = LabelMap.EMPTY;
        if (i < lineEnd && s.charAt(i) == '{') {
            labels = parseLabels(i, name, family.type);
            i = skipBlanks(pos);
        }
        if (i >= lineEnd) {
            throw error(i, "expected a value after \"" + shorten(s.substring(nameStart, i)) // tool text
                    + "\", found end of line"); // tool text
        }
        int valueEnd = scanToken(i);
        double value = parseNumber(s, i, valueEnd);
        if (numberError != null) {
            if (i == nameEnd) {
                // Glued to the name ("foo-bar 1", "foo.bar 1"): the name is what is wrong.
                throw error(nameEnd, "invalid character " + describe(nameEnd) + " in metric name \"" // tool text
                        + shorten(s.substring(nameStart, valueEnd)) + "\"");
            }
            throw error(i, "invalid value \"" + shorten(s.substring(i, valueEnd)) + "\" for \"" + shorten(name) // tool text
                    + "\": " + numberError);
        }

        OptionalLong timestamp = OptionalLong.empty();
        i = skipBlanks(valueEnd);
        if (i < lineEnd) {
            int tsEnd = scanToken(i);
            timestamp = parseTimestamp(i, tsEnd);
            i = skipBlanks(tsEnd);
            if (i < lineEnd) {
                throw error(i, "unexpected text after the timestamp: \"" + shorten(s.substring(i, lineEnd)) + "\""); // tool text
            }
        }

        sampleCount++;
        if (family.type == null) {
            family.type = MetricType.UNTYPED;
        }
        family.samples.add(new Sample(name, labels, value, timestamp));
    }

    /** Parses {@code {...}} starting at the brace; leaves {@link #pos} after the closing brace. */
    private LabelMap parseLabels(int brace, String metric, MetricType type) throws ExpositionParseException {
        labelCount = 0;
        int i = brace + 1;
        while (true) {
            i = skipBlanks(i);
            if (i >= lineEnd) {
                throw error(i, "unterminated label set of \"" + shorten(metric) // tool text
                        + "\": expected a label name or '}', found end of line"); // tool text
            }
            char c = s.charAt(i);
            if (c == '}') {
                pos = i + 1;
                break;
            }
            int keyEnd = scanLabelName(i);
            if (keyEnd == i) {
                throw error(i, "invalid label name in \"" + shorten(metric) + "\": expected a letter or '_' at its start, found " // tool text
                        + describe(i));
            }
            String key = pooled(i, keyEnd);
            if (key.equals("__name__")) {
                throw error(i, "label name \"__name__\" is reserved"); // tool text
            }
            if (labelCount < 16) {
                for (int j = 0; j < labelCount; j++) {
                    if (keyBuf[j].equals(key)) {
                        throw error(i, "duplicate label name \"" + shorten(key) + "\" in \"" + shorten(metric) + "\""); // tool text
                    }
                }
            }
            i = skipBlanks(keyEnd);
            if (i >= lineEnd || s.charAt(i) != '=') {
                throw error(i, "expected '=' after label name \"" + shorten(key) + "\", found " + describe(i)); // tool text
            }
            i = skipBlanks(i + 1);
            if (i >= lineEnd || s.charAt(i) != '"') {
                throw error(i, "expected '\"' to open the value of label \"" + shorten(key) + "\", found " + describe(i)); // tool text
            }
            String value = parseLabelValue(i + 1, key);
            if ((type == MetricType.HISTOGRAM && key.equals("le"))
                    || (type == MetricType.SUMMARY && key.equals("quantile"))) {
                parseNumber(value, 0, value.length());
                if (numberError != null) {
                    throw error(i, "label \"" + shorten(key) + "\" of " + type.word() + " \"" + shorten(metric)
                            + "\" must be a number, got \"" + shorten(value) + "\""); // tool text
                }
            }
            addLabel(key, value);
            i = skipBlanks(pos);
            if (i >= lineEnd) {
                throw error(i, "unterminated label set of \"" + shorten(metric) + "\": expected ',' or '}' after the value of label \"" // tool text
                        + shorten(key) + "\", found end of line"); // tool text
            }
            c = s.charAt(i);
            if (c == ',') {
                i++;
            } else if (c == '}') {
                pos = i + 1;
                break;
            } else {
                throw error(i, "expected ',' or '}' after the value of label \"" + shorten(key) + "\", found " + describe(i)); // tool text
            }
        }
        try {
            return LabelMap.ofPairs(keyBuf, valueBuf, labelCount);
        } catch (IllegalArgumentException duplicate) { // only reachable for sets of more than 16 labels
            throw error(brace, duplicate.getMessage() + " in \"" + shorten(metric) + "\"");
        }
    }

    private void addLabel(String key, String value) {
        if (labelCount == keyBuf.length) {
            keyBuf = Arrays.copyOf(keyBuf, labelCount * 2);
            valueBuf = Arrays.copyOf(valueBuf, labelCount * 2);
        }
        keyBuf[labelCount] = key;
        valueBuf[labelCount] = value;
        labelCount++;
    }

    /** Parses a label value whose first character is at {@code start}; leaves {@link #pos} after the closing quote. */
    private String parseLabelValue(int start, String key) throws ExpositionParseException {
        final int max = limits.maxLabelValueLength();
        int quote = s.indexOf('"', start);
        if (quote < 0 || quote > lineEnd) {
            quote = lineEnd; // none on this line; the loop below reports what is wrong
        }
        if (backslashAtOrAfter(start) > quote && quote < lineEnd) {
            // The common case: no escapes.
            if (quote - start > max) {
                throw error(start, "value of label \"" + shorten(key) + "\" is " + (quote - start) // tool text
                        + " characters long, over the limit of " + max); // tool text
            }
            pos = quote + 1;
            return quote - start <= POOLED_VALUE_MAX ? pooled(start, quote) : s.substring(start, quote);
        }
        StringBuilder sb = new StringBuilder(Math.min(lineEnd - start, max) + 1);
        int i = start;
        while (true) {
            if (i >= lineEnd) {
                throw error(start - 1, "unterminated value of label \"" + shorten(key) + "\": no closing '\"' before end of line"); // tool text
            }
            char c = s.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= lineEnd) {
                    throw error(start - 1, "unterminated value of label \"" + shorten(key) // tool text
                            + "\": the line ends after '\\', no closing '\"'"); // tool text
                }
                char e = s.charAt(i + 1);
                switch (e) {
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'n' -> sb.append('\n');
                    default -> throw error(i, "invalid escape sequence '\\" + printable(e) + "' in the value of label \"" // tool text
                            + shorten(key) + "\": only \\\\, \\\" and \\n are allowed"); // tool text
                }
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
            if (sb.length() > max) {
                throw error(start, "value of label \"" + shorten(key) + "\" is longer than the limit of " + max + " characters"); // tool text
            }
        }
        pos = i + 1;
        return sb.toString();
    }

    private OptionalLong parseTimestamp(int from, int to) throws ExpositionParseException {
        int i = from;
        char c = s.charAt(i);
        if (c == '+' || c == '-') {
            i++;
        }
        boolean digits = i < to;
        for (int j = i; j < to; j++) {
            char d = s.charAt(j);
            if (d < '0' || d > '9') {
                digits = false;
                break;
            }
        }
        if (digits) {
            try {
                return OptionalLong.of(Long.parseLong(s, from, to, 10));
            } catch (NumberFormatException overflow) {
                throw error(from, "timestamp \"" + shorten(s.substring(from, to)) + "\" is out of the 64-bit range"); // tool text
            }
        }
        throw error(from, "invalid timestamp \"" + shorten(s.substring(from, to)) // tool text
                + "\": expected integer milliseconds since the epoch"); // tool text
    }

    // --- numbers ----------------------------------------------------------------------------------

    /**
     * Parses {@code src[from, to)} as a float in Go's ParseFloat syntax (minus hex and
     * underscores, which expfmt refuses). Returns NaN and sets {@link #numberError} when invalid.
     */
    private double parseNumber(String src, int from, int to) {
        numberError = null;
        if (from >= to) {
            numberError = "empty";
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = src.charAt(i);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
            if (i == to) {
                numberError = "not a number";
                return Double.NaN;
            }
            c = src.charAt(i);
        }
        if ((c | 0x20) == 'i' || (c | 0x20) == 'n') {
            int n = to - i;
            if ((n == 3 && src.regionMatches(true, i, "inf", 0, 3)) || (n == 8 && src.regionMatches(true, i, "infinity", 0, 8))) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (n == 3 && i == from && src.regionMatches(true, i, "nan", 0, 3)) {
                return Double.NaN;
            }
            numberError = "not a number (NaN, +Inf and -Inf are the only words allowed)"; // tool text
            return Double.NaN;
        }
        // Fast path: [+-]digits[.digits] with at most 15 digits is exact in one rounding step.
        long mantissa = 0;
        int digits = 0;
        int fraction = -1; // digits after the dot; -1 while no dot seen
        int j = i;
        for (; j < to; j++) {
            char d = src.charAt(j);
            if (d >= '0' && d <= '9') {
                mantissa = mantissa * 10 + (d - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
                if (digits > 18) {
                    break;
                }
            } else if (d == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (j == to && digits > 0) {
            if (fraction <= 0 && digits <= 18) {
                double v = mantissa; // long to double rounds to nearest: correct for any length here
                return negative ? -v : v;
            }
            if (digits <= 15) {
                double v = mantissa / POW10[fraction];
                return negative ? -v : v;
            }
        }
        // General decimal syntax: (digits [. digits*] | . digits) [(e|E) [+-] digits]
        j = i;
        int intDigits = 0;
        while (j < to && isDigit(src.charAt(j))) {
            j++;
            intDigits++;
        }
        int fracDigits = 0;
        if (j < to && src.charAt(j) == '.') {
            j++;
            while (j < to && isDigit(src.charAt(j))) {
                j++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            numberError = "not a number";
            return Double.NaN;
        }
        if (j < to && (src.charAt(j) | 0x20) == 'e') {
            j++;
            if (j < to && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < to && isDigit(src.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits == 0) {
                numberError = "exponent without digits"; // tool text
                return Double.NaN;
            }
        }
        if (j != to) {
            numberError = "unexpected " + describeChar(src.charAt(j));
            return Double.NaN;
        }
        double v = Double.parseDouble(src.substring(from, to));
        if (Double.isInfinite(v)) {
            numberError = "out of the range of a 64-bit float"; // tool text
            return Double.NaN;
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // --- families ---------------------------------------------------------------------------------

    /** The family a sample or comment name belongs to, created if new (expfmt's setOrCreateCurrentMF). */
    private FamilyBuilder family(String name) throws ExpositionParseException {
        FamilyBuilder f = byName.get(name);
        if (f != null) {
            return f;
        }
        String base = null;
        boolean bucket = false;
        if (name.endsWith("_sum")) {
            base = name.substring(0, name.length() - 4);
        } else if (name.endsWith("_count")) {
            base = name.substring(0, name.length() - 6);
        } else if (name.endsWith("_bucket")) {
            base = name.substring(0, name.length() - 7);
            bucket = true;
        }
        if (base != null) {
            FamilyBuilder b = byName.get(base);
            if (b != null && (b.type == MetricType.HISTOGRAM || (b.type == MetricType.SUMMARY && !bucket))) {
                return b;
            }
        }
        if (order.size() >= limits.maxSamples()) {
            // HELP/TYPE lines alone create families: bound them too, or comments could fill memory.
            throw error(lineStart, "too many metric families: the limit is " + limits.maxSamples()); // tool text
        }
        f = new FamilyBuilder(name);
        byName.put(name, f);
        order.add(f);
        return f;
    }

    // --- scanning ---------------------------------------------------------------------------------

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private int skipBlanks(int i) {
        while (i < lineEnd) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /** End of the token at i: the next blank or the end of line. */
    private int scanToken(int i) {
        while (i < lineEnd) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private int scanMetricName(int i) {
        if (i >= lineEnd) {
            return i;
        }
        char c = s.charAt(i);
        if (c >= 128 || (CHAR_CLASS[c] & METRIC_START) == 0) {
            return i;
        }
        i++;
        while (i < lineEnd) {
            c = s.charAt(i);
            if (c >= 128 || (CHAR_CLASS[c] & METRIC_PART) == 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private int scanLabelName(int i) {
        if (i >= lineEnd) {
            return i;
        }
        char c = s.charAt(i);
        if (c >= 128 || (CHAR_CLASS[c] & LABEL_START) == 0) {
            return i;
        }
        i++;
        while (i < lineEnd) {
            c = s.charAt(i);
            if (c >= 128 || (CHAR_CLASS[c] & LABEL_PART) == 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * The first backslash at or after i (s.length() if none). Remembers the answer, so the whole
     * parse scans for backslashes once, however many label values ask.
     */
    private int backslashAtOrAfter(int i) {
        if (nextBackslash < i) {
            int b = s.indexOf('\\', i);
            nextBackslash = b < 0 ? s.length() : b;
        }
        return nextBackslash;
    }

    /** s[from, to), de-duplicated through a small direct-mapped cache. */
    private String pooled(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & (POOL_SIZE - 1);
        String hit = pool[slot];
        int n = to - from;
        if (hit != null && hit.length() == n && s.regionMatches(from, hit, 0, n)) {
            return hit;
        }
        String fresh = s.substring(from, to);
        pool[slot] = fresh;
        return fresh;
    }

    // --- errors -----------------------------------------------------------------------------------

    private ExpositionParseException error(int at, String reason) {
        int column = Math.max(0, Math.min(at, lineEnd) - lineStart);
        return new ExpositionParseException(lineNo, column + 1, reason, excerpt(column));
    }

    /** The current line, at most about 80 characters of it around {@code column}, control characters escaped. */
    private String excerpt(int column) {
        int len = lineEnd - lineStart;
        int from = 0;
        int to = len;
        if (len > EXCERPT_WIDTH) {
            from = Math.max(0, Math.min(column - EXCERPT_WIDTH / 2, len - EXCERPT_WIDTH));
            to = from + EXCERPT_WIDTH;
        }
        StringBuilder sb = new StringBuilder(EXCERPT_WIDTH + 8);
        if (from > 0) {
            sb.append("...");
        }
        for (int i = lineStart + from; i < lineStart + to; i++) {
            sb.append(printable(s.charAt(i)));
        }
        if (to < len) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** "'x'" for the character at i, or "end of line". */
    private String describe(int i) {
        return i >= lineEnd ? "end of line" : describeChar(s.charAt(i)); // tool text
    }

    private static String describeChar(char c) {
        return "'" + printable(c) + "'";
    }

    private static String printable(char c) {
        if (c == '\t') {
            return "\\t";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\u%04x", (int) c);
        }
        return String.valueOf(c);
    }

    private static String shorten(String text) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(text.length(), 40);
        for (int i = 0; i < n; i++) {
            sb.append(printable(text.charAt(i)));
        }
        if (text.length() > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
