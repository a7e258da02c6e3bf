package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nightwatch.flow.exposition.ExpositionParser.Limits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The corpus: good edge cases with exact values, malformed bodies with line and reason. */
class ExpositionParserTest {

    private static Exposition parse(String text) {
        try {
            return ExpositionParser.parse(text);
        } catch (ExpositionParseException e) {
            throw new AssertionError("unexpected parse failure: " + e.getMessage(), e);
        }
    }

    private static Sample only(Exposition e, String sampleName) {
        List<Sample> s = e.samples(sampleName);
        assertEquals(1, s.size(), () -> "samples named " + sampleName + ": " + s);
        return s.get(0);
    }

    // --- good edge cases ----------------------------------------------------------------------

    @Test
    void helpAndTypeAreAttachedAndHelpIsUnescaped() {
        Exposition e = parse("""
                # HELP http_requests_total Requests served.\\nSecond line with a back\\\\slash and "quotes".
                # TYPE http_requests_total counter
                http_requests_total{method="get",code="200"} 1027
                """);
        MetricFamily f = e.family("http_requests_total").orElseThrow();
        assertEquals(MetricType.COUNTER, f.type());
        assertEquals("Requests served.\nSecond line with a back\\slash and \"quotes\".", f.help());
        Sample s = f.samples().get(0);
        assertEquals(1027.0, s.value());
        assertEquals(Map.of("method", "get", "code", "200"), s.labels());
        assertEquals(List.of("code", "method"), List.copyOf(s.labels().keySet()), "labels are sorted by name");
        assertEquals("200", s.label("code"));
        assertEquals(null, s.label("absent"));
        assertTrue(s.timestampMillis().isEmpty());
    }

    @Test
    void typeAndHelpMayComeInEitherOrderAndHelpIsEmptyWhenMissing() {
        Exposition e = parse("""
                # TYPE a gauge
                # HELP a Alpha.
                a 1
                # TYPE b gauge
                b 2
                """);
        assertEquals("Alpha.", e.family("a").orElseThrow().help());
        assertEquals("", e.family("b").orElseThrow().help());
        assertEquals(MetricType.GAUGE, e.family("b").orElseThrow().type());
    }

    @Test
    void commentsBlankLinesAndIncompleteHelpOrTypeLinesAreIgnored() {
        Exposition e = parse("""

                # just a comment
                #
                #	tab comment with "quotes" and {braces} and = signs
                # HELP
                # TYPE
                # HELP lonely_name
                # TYPE lonely_name
                # EOF is not special in 0.0.4
                \t \t
                m 1
                   # indented comment
                """);
        assertEquals(1, e.families().size());
        assertEquals(MetricType.UNTYPED, e.family("m").orElseThrow().type());
        assertEquals(1, e.sampleCount());
    }

    @Test
    void labelValueEscapes() {
        Sample s = only(parse("m{path=\"C:\\\\dir\\\\file\",msg=\"say \\\"hi\\\"\\nbye\"} 1\n"), "m");
        assertEquals("C:\\dir\\file", s.label("path"));
        assertEquals("say \"hi\"\nbye", s.label("msg"));
    }

    @Test
    void labelValuesMayHoldStructuralCharactersAndUnicode() {
        Sample s = only(parse("m{a=\"},{#= \",b=\"\",c=\"日本語 ✓ ü\",d=\"{x=\\\"y\\\"}\"} 1\n"), "m");
        assertEquals("},{#= ", s.label("a"));
        assertEquals("", s.label("b"));
        assertEquals("日本語 ✓ ü", s.label("c"));
        assertEquals("{x=\"y\"}", s.label("d"));
    }

    @Test
    void trailingCommaAndEmptyLabelSet() {
        Exposition e = parse("""
                a{x="1",} 1
                b{} 2
                c{ } 3
                d{x="1" , y="2" ,	} 4
                """);
        assertEquals(Map.of("x", "1"), only(e, "a").labels());
        assertTrue(only(e, "b").labels().isEmpty());
        assertTrue(only(e, "c").labels().isEmpty());
        assertEquals(Map.of("x", "1", "y", "2"), only(e, "d").labels());
    }

    @Test
    void blanksAndTabsBetweenEveryToken() {
        Sample s = only(parse("  \t m \t{ \ta\t=\t\"1\"\t,  b = \"2\" } \t 3.5 \t -42 \t\n"), "m");
        assertEquals(Map.of("a", "1", "b", "2"), s.labels());
        assertEquals(3.5, s.value());
        assertEquals(OptionalLong.of(-42), s.timestampMillis());
    }

    @Test
    void tokensThatCannotMergeNeedNoBlank() {
        // "They must be separated by at least one blank if they would otherwise merge."
        Exposition e = parse("a{x=\"1\"}2\nb-3\n");
        assertEquals(2.0, only(e, "a").value());
        assertEquals(-3.0, only(e, "b").value());
    }

    @Test
    void specialAndExponentValues() {
        Exposition e = parse("""
                nan NaN
                nan_lower nan
                pinf +Inf
                minf -Inf
                inf Inf
                inf_word +infinity
                small 1e-05
                big 2.5E+3
                neg_zero -0
                leading_dot .5
                trailing_dot 1.
                plus +7
                beyond_long 18446744073709551616
                huge 123456789012345678901234567890
                max 1.7976931348623157e308
                tiny 4.9e-324
                underflow 1e-400
                decimal 0.1
                long_fraction 0.30000000000000004
                """);
        assertTrue(Double.isNaN(only(e, "nan").value()));
        assertTrue(Double.isNaN(only(e, "nan_lower").value()));
        assertEquals(Double.POSITIVE_INFINITY, only(e, "pinf").value());
        assertEquals(Double.NEGATIVE_INFINITY, only(e, "minf").value());
        assertEquals(Double.POSITIVE_INFINITY, only(e, "inf").value());
        assertEquals(Double.POSITIVE_INFINITY, only(e, "inf_word").value());
        assertEquals(1e-05, only(e, "small").value());
        assertEquals(2500.0, only(e, "big").value());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(only(e, "neg_zero").value()));
        assertEquals(0.5, only(e, "leading_dot").value());
        assertEquals(1.0, only(e, "trailing_dot").value());
        assertEquals(7.0, only(e, "plus").value());
        assertEquals(1.8446744073709552E19, only(e, "beyond_long").value());
        assertEquals(1.2345678901234568E29, only(e, "huge").value());
        assertEquals(Double.MAX_VALUE, only(e, "max").value());
        assertEquals(Double.MIN_VALUE, only(e, "tiny").value());
        assertEquals(0.0, only(e, "underflow").value());
        assertEquals(0.1, only(e, "decimal").value());
        assertEquals(0.30000000000000004, only(e, "long_fraction").value());
    }

    @Test
    void decimalValuesMatchJavaRoundingExactly() {
        Random random = new Random(42);
        StringBuilder body = new StringBuilder();
        int n = 5000;
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            String t = switch (i % 5) {
                case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
                case 1 -> Long.toString(random.nextLong());
                case 2 -> (random.nextInt(2_000_000) - 1_000_000) + "." + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
                case 3 -> String.format(Locale.ROOT, "%.9e", random.nextGaussian() * 1e6);
                default -> "0." + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
            };
            texts[i] = t;
            body.append("v{i=\"").append(i).append("\"} ").append(t).append('\n');
        }
        List<Sample> samples = parse(body.toString()).samples("v");
        assertEquals(n, samples.size());
        for (int i = 0; i < n; i++) {
            assertEquals(Double.parseDouble(texts[i]), samples.get(i).value(), "value " + texts[i]);
        }
    }

    @Test
    void timestamps() {
        Exposition e = parse("""
                a 1 1700000000123
                b 2 -1234
                c 3 +5
                d 4 9223372036854775807
                e 5
                """);
        assertEquals(OptionalLong.of(1_700_000_000_123L), only(e, "a").timestampMillis());
        assertEquals(OptionalLong.of(-1234), only(e, "b").timestampMillis());
        assertEquals(OptionalLong.of(5), only(e, "c").timestampMillis());
        assertEquals(OptionalLong.of(Long.MAX_VALUE), only(e, "d").timestampMillis());
        assertEquals(OptionalLong.empty(), only(e, "e").timestampMillis());
    }

    @Test
    void namesWithColonsAndUnderscores() {
        Exposition e = parse("""
                # TYPE job:http_requests:rate5m gauge
                job:http_requests:rate5m{_private="x",a1_B2="y"} 0.25
                :leading_colon 1
                _leading_underscore 2
                """);
        MetricFamily f = e.family("job:http_requests:rate5m").orElseThrow();
        assertEquals(MetricType.GAUGE, f.type());
        assertEquals("x", f.samples().get(0).label("_private"));
        assertEquals("y", f.samples().get(0).label("a1_B2"));
        assertEquals(1.0, only(e, ":leading_colon").value());
        assertEquals(2.0, only(e, "_leading_underscore").value());
    }

    @Test
    void crlfLineEndingsAndNoFinalNewline() {
        Exposition e = parse("# HELP a Alpha.\r\n# TYPE a counter\r\na{x=\"1\"} 1\r\n\r\na{x=\"2\"} 2 1000\r\nb 3");
        MetricFamily a = e.family("a").orElseThrow();
        assertEquals("Alpha.", a.help());
        assertEquals(MetricType.COUNTER, a.type());
        assertEquals(2, a.samples().size());
        assertEquals(OptionalLong.of(1000), a.samples().get(1).timestampMillis());
        assertEquals(3.0, only(e, "b").value());
    }

    @Test
    void emptyAndCommentOnlyBodies() {
        assertEquals(0, parse("").sampleCount());
        assertEquals(0, parse("\n\n").families().size());
        // Families without samples are not kept (as in expfmt).
        assertEquals(0, parse("# HELP a Alpha.\n# TYPE a counter\n").families().size());
    }

    @Test
    void histogramGroupsBucketsSumAndCount() {
        Exposition e = parse("""
                # HELP rpc_duration_seconds RPC latency.
                # TYPE rpc_duration_seconds histogram
                rpc_duration_seconds_bucket{service="a",le="0.05"} 24054
                rpc_duration_seconds_bucket{service="a",le="0.1"} 33444
                rpc_duration_seconds_bucket{service="a",le="1e+00"} 100392
                rpc_duration_seconds_bucket{service="a",le="+Inf"} 144320
                rpc_duration_seconds_sum{service="a"} 53423
                rpc_duration_seconds_count{service="a"} 144320
                rpc_duration_seconds_bucket{service="b",le="+Inf"} 2
                rpc_duration_seconds_sum{service="b"} 0.5
                rpc_duration_seconds_count{service="b"} 2
                # TYPE next gauge
                next 1
                """);
        assertEquals(2, e.families().size());
        MetricFamily h = e.family("rpc_duration_seconds").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, h.type());
        assertEquals("RPC latency.", h.help());
        assertEquals(9, h.samples().size());
        assertEquals("rpc_duration_seconds_bucket", h.samples().get(0).name());
        assertTrue(e.family("rpc_duration_seconds_bucket").isEmpty());
        assertEquals(5, e.samples("rpc_duration_seconds_bucket").size());
        assertEquals(144320.0, e.sum("rpc_duration_seconds_bucket", Map.of("service", "a", "le", "+Inf")).orElseThrow());
        assertEquals(144322.0, e.sum("rpc_duration_seconds_count", Map.of()).orElseThrow());
        assertEquals(53423.5, e.sum("rpc_duration_seconds_sum", Map.of()).orElseThrow());
        assertEquals("1e+00", e.samples("rpc_duration_seconds_bucket").get(2).label("le"), "le keeps its text");
        assertTrue(e.sum("rpc_duration_seconds_bucket", Map.of("service", "c")).isEmpty());
        assertTrue(e.samples("rpc_duration_seconds").isEmpty());
    }

    @Test
    void summaryGroupsQuantilesSumAndCountButNotBuckets() {
        Exposition e = parse("""
                # TYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="0"} 1.8107e-05
                go_gc_duration_seconds{quantile="0.5"} 7.3e-05
                go_gc_duration_seconds{quantile="1"} NaN
                go_gc_duration_seconds_sum 0.012
                go_gc_duration_seconds_count 120
                go_gc_duration_seconds_bucket{le="1"} 3
                """);
        MetricFamily s = e.family("go_gc_duration_seconds").orElseThrow();
        assertEquals(MetricType.SUMMARY, s.type());
        assertEquals(5, s.samples().size());
        assertEquals(1.8107e-05, e.sum("go_gc_duration_seconds", Map.of("quantile", "0")).orElseThrow());
        assertTrue(Double.isNaN(e.sum("go_gc_duration_seconds", Map.of("quantile", "1")).orElseThrow()));
        assertEquals(120.0, only(e, "go_gc_duration_seconds_count").value());
        // _bucket is not part of a summary: it becomes its own (untyped) family.
        assertEquals(MetricType.UNTYPED, e.family("go_gc_duration_seconds_bucket").orElseThrow().type());
    }

    @Test
    void suffixesOnlyJoinDeclaredHistogramsAndSummaries() {
        Exposition e = parse("""
                # TYPE requests counter
                requests 1
                requests_sum 2
                requests_count 3
                plain_bucket{le="1"} 4
                """);
        assertEquals(List.of("requests", "requests_sum", "requests_count", "plain_bucket"),
                e.families().stream().map(MetricFamily::name).toList());
        assertEquals(MetricType.COUNTER, e.family("requests").orElseThrow().type());
        assertEquals(MetricType.UNTYPED, e.family("requests_sum").orElseThrow().type());
    }

    @Test
    void untypedExplicitAndImplicit() {
        Exposition e = parse("""
                # TYPE explicit untyped
                explicit 1
                implicit{a="b"} 2
                # TYPE upper GAUGE
                upper 3
                """);
        assertEquals(MetricType.UNTYPED, e.family("explicit").orElseThrow().type());
        assertEquals(MetricType.UNTYPED, e.family("implicit").orElseThrow().type());
        assertEquals(MetricType.GAUGE, e.family("upper").orElseThrow().type(), "type words are case-insensitive, as in expfmt");
    }

    @Test
    void splitFamiliesAreMergedInFirstAppearanceOrder() {
        Exposition e = parse("""
                a{x="1"} 1
                b 2
                a{x="2"} 3
                """);
        assertEquals(List.of("a", "b"), e.families().stream().map(MetricFamily::name).toList());
        assertEquals(2, e.family("a").orElseThrow().samples().size());
        assertEquals(4.0, e.sum("a", Map.of()).orElseThrow());
    }

    @Test
    void hugeLabelValueUnderTheLimitIsKept() {
        int max = Limits.DEFAULT.maxLabelValueLength();
        String big = "x".repeat(max);
        Sample s = only(parse("m{big=\"" + big + "\"} 1\n"), "m");
        assertEquals(max, s.label("big").length());
        // Escapes count once unescaped: max escaped backslashes (2 * max raw characters) are max characters.
        String escaped = "\\\\".repeat(max);
        assertEquals(max, only(parse("m{big=\"" + escaped + "\"} 1\n"), "m").label("big").length());
    }

    @Test
    void limitsAtTheirBoundsAreAccepted() throws Exception {
        Limits limits = new Limits(20, 3, 5);
        Exposition e = ExpositionParser.parse("a{v=\"12345\"} 1\nb 2\nc 3\n" + "#".repeat(20) + "\n", limits);
        assertEquals(3, e.sampleCount());
    }

    @Test
    void manyLabelsAreSortedAndDuplicatesFoundBeyondTheQuickCheck() {
        StringBuilder line = new StringBuilder("m{");
        for (int i = 40; i > 0; i--) {
            line.append("l").append(i).append("=\"").append(i).append("\",");
        }
        Sample s = only(parse(line + "} 1\n"), "m");
        assertEquals(40, s.labels().size());
        assertEquals("l1", s.labels().keySet().iterator().next());
        assertEquals("17", s.label("l17"));

        ExpositionParseException ex = assertThrows(ExpositionParseException.class,
                () -> ExpositionParser.parse(line + "l3=\"again\"} 1\n"));
        assertTrue(ex.getMessage().contains("duplicate label name \"l3\""), ex.getMessage());
    }

    @Test
    void briefExampleMessageNamesLineFaultAndExcerpt() {
        String body = "ok 1\n".repeat(16) + "http_requests_total{code} 1\n";
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(body));
        assertEquals(17, e.line());
        assertEquals(25, e.column());
        assertEquals("expected '=' after label name \"code\", found '}'", e.reason());
        assertEquals("line 17: expected '=' after label name \"code\", found '}' (in: http_requests_total{code} 1)",
                e.getMessage());
    }

    @Test
    void excerptOfALongLineIsCutAroundTheFault() {
        String line = "m{" + "a".repeat(300) + "=\"1\" " + "b".repeat(300) + "} 1";
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(line));
        assertTrue(e.excerpt().startsWith("...") && e.excerpt().endsWith("..."), e.excerpt());
        assertTrue(e.excerpt().length() <= 86, e.excerpt());
        assertTrue(e.excerpt().contains("=\"1\" b"), "the excerpt shows the fault: " + e.excerpt());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NAME{a=\"1\"", "m{NAME}", "m{NAME=\"1\" x}", "m NAME", "m 1 NAME", "m 1 2 NAME",
        "# TYPE m NAME", "# HELP NAME- x", "NAME-x 1", "# TYPE h histogram\nh_bucket{le=\"NAME\"} 1",
    })
    void messagesStayShortWhateverTheTokenLength(String template) {
        String body = template.replace("NAME", "n".repeat(20_000));
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(body));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + ": " + e.getMessage());
    }

    @Test
    void controlCharactersInExcerptsAreEscaped() {
        ExpositionParseException e = assertThrows(ExpositionParseException.class,
                () -> ExpositionParser.parse("\u0000\u0007 garbage\t1"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("found '\\u0000'"), e.getMessage());
        assertTrue(e.excerpt().equals("\\u0000\\u0007 garbage\\t1"), e.excerpt());
    }

    // --- malformed bodies ---------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        String over = "x".repeat(Limits.DEFAULT.maxLabelValueLength() + 1);
        return Stream.of(
                bad("garbage words", "this is not a metric\n", 1, "invalid value \"is\""),
                bad("garbage symbols", "ok 1\n!!!\n", 2, "invalid metric name: expected a letter, '_' or ':' at its start, found '!'"),
                bad("html error page", "<html><body>502 Bad Gateway</body></html>\n", 1, "invalid metric name"),
                bad("json error body", "{\"status\":\"error\"}\n", 1, "invalid metric name: expected a letter, '_' or ':' at its start, found '{'"),
                bad("name starts with digit", "1abc 2\n", 1, "found '1'"),
                bad("dash in metric name", "foo-bar 1\n", 1, "invalid character '-' in metric name \"foo-bar\""),
                bad("dot in metric name", "ok 1\nfoo.bar 1\n", 2, "invalid character '.' in metric name"),
                bad("label without value", "http_requests_total{code} 1\n", 1, "expected '=' after label name \"code\", found '}'"),
                bad("truncated mid label value", "# TYPE x counter\nx{a=\"1\"} 1\nx{a=\"2", 3, "unterminated value of label \"a\""),
                bad("truncated after label value", "x{a=\"1\"", 1, "unterminated label set of \"x\": expected ',' or '}'"),
                bad("truncated after comma", "x{a=\"1\",", 1, "unterminated label set of \"x\": expected a label name or '}'"),
                bad("truncated after brace", "ok 1\nx{", 2, "unterminated label set"),
                bad("truncated after equals", "x{a=", 1, "expected '\"' to open the value of label \"a\", found end of line"),
                bad("truncated after escape", "x{a=\"abc\\", 1, "unterminated value of label \"a\""),
                bad("label value across lines", "x{a=\"first\nsecond\"} 1\n", 1, "unterminated value of label \"a\""),
                bad("no value", "x{a=\"1\"}\n", 1, "expected a value after \"x{a=\"1\"}\", found end of line"),
                bad("no value, no labels", "ok 1\nlonely\n", 2, "expected a value"),
                bad("value abc", "x abc\n", 1, "invalid value \"abc\" for \"x\""),
                bad("value 1.2.3", "x 1.2.3\n", 1, "invalid value \"1.2.3\""),
                bad("value 1e", "x 1e\n", 1, "exponent without digits"),
                bad("value hex", "x 0x1F\n", 1, "invalid value \"0x1F\""),
                bad("value underscores", "x 1_000\n", 1, "invalid value \"1_000\""),
                bad("value signed NaN", "x +NaN\n", 1, "invalid value \"+NaN\""),
                bad("value Infin", "x Infin\n", 1, "invalid value \"Infin\""),
                bad("value double sign", "x --1\n", 1, "invalid value \"--1\""),
                bad("value lone dot", "x .\n", 1, "invalid value \".\""),
                bad("value out of range", "x 1e400\n", 1, "out of the range of a 64-bit float"),
                bad("value with unit", "x 10ms\n", 1, "invalid value \"10ms\""),
                bad("value java suffix", "x 1.5d\n", 1, "invalid value \"1.5d\""),
                bad("value with comma decimal", "x 1,5\n", 1, "invalid value \"1,5\""),
                bad("garbage after timestamp", "x 1 1700000000000 extra\n", 1, "unexpected text after the timestamp: \"extra\""),
                bad("openmetrics exemplar", "x_total 1 # {trace_id=\"abc\"} 1\n", 1, "invalid timestamp \"#\""),
                bad("float timestamp", "x 1 1.5\n", 1, "invalid timestamp \"1.5\""),
                bad("timestamp overflow", "x 1 9223372036854775808\n", 1, "out of the 64-bit range"),
                bad("duplicate label", "x{a=\"1\",b=\"2\",a=\"3\"} 1\n", 1, "duplicate label name \"a\" in \"x\""),
                bad("label name starts with digit", "x{1a=\"v\"} 1\n", 1, "invalid label name in \"x\": expected a letter or '_' at its start, found '1'"),
                bad("label name with dash", "x{a-b=\"v\"} 1\n", 1, "expected '=' after label name \"a\", found '-'"),
                bad("label name with colon", "x{a:b=\"v\"} 1\n", 1, "expected '=' after label name \"a\", found ':'"),
                bad("lone comma", "x{,} 1\n", 1, "invalid label name in \"x\": expected a letter or '_' at its start, found ','"),
                bad("double comma", "x{a=\"1\",,} 1\n", 1, "found ','"),
                bad("unquoted label value", "x{a=b} 1\n", 1, "expected '\"' to open the value of label \"a\", found 'b'"),
                bad("single-quoted label value", "x{a='b'} 1\n", 1, "found '''"),
                bad("missing comma", "x{a=\"1\" b=\"2\"} 1\n", 1, "expected ',' or '}' after the value of label \"a\", found 'b'"),
                bad("reserved __name__", "x{__name__=\"y\"} 1\n", 1, "label name \"__name__\" is reserved"),
                bad("bad label escape", "x{a=\"tab\\there\"} 1\n", 1, "invalid escape sequence '\\t' in the value of label \"a\""),
                bad("bad help escape", "# HELP x Tab\\there.\nx 1\n", 1, "invalid escape sequence '\\t' in HELP text"),
                bad("help ends in backslash", "# HELP x Oops \\\nx 1\n", 1, "HELP text ends with a lone '\\'"),
                bad("second TYPE", "# TYPE x counter\n# HELP x X.\n# TYPE x gauge\nx 1\n", 3, "second TYPE line for metric \"x\""),
                bad("TYPE after samples", "x 1\n# TYPE x counter\n", 2, "TYPE line for metric \"x\" comes after its samples"),
                bad("TYPE after histogram samples via suffix", "# TYPE h histogram\nh_count 1\n# TYPE h_count counter\n", 3, "second TYPE line for metric \"h\""),
                bad("second HELP", "# HELP x One.\n# HELP x Two.\nx 1\n", 2, "second HELP line for metric \"x\""),
                bad("unknown type", "# TYPE x countr\nx 1\n", 1, "unknown metric type \"countr\""),
                bad("two type words", "# TYPE x counter gauge\n", 1, "unknown metric type \"counter gauge\""),
                bad("bad name in TYPE", "# TYPE 1x counter\n", 1, "invalid metric name \"1x\" in TYPE line"),
                bad("bad name in HELP", "# HELP x-y Text.\n", 1, "invalid metric name \"x-y\" in HELP line"),
                bad("histogram le not a number", "# TYPE h histogram\nh_bucket{le=\"high\"} 1\n", 2, "label \"le\" of histogram \"h_bucket\" must be a number, got \"high\""),
                bad("summary quantile not a number", "# TYPE s summary\ns{quantile=\"p99\"} 1\n", 2, "label \"quantile\" of summary \"s\" must be a number"),
                bad("huge label value over the limit", "ok 1\nm{big=\"" + over + "\"} 1\n", 2,
                        "value of label \"big\" is 65537 characters long, over the limit of 65536"),
                bad("huge escaped label value over the limit", "m{big=\"\\\\" + over + "\"} 1\n", 1,
                        "value of label \"big\" is longer than the limit of 65536 characters"),
                bad("nul in body", "ok 1\n\u0000\n", 2, "found '\\u0000'"),
                bad("stray carriage return", "x 1\r2\n", 1, "invalid value \"1\\r2\""));
    }

    private static Arguments bad(String name, String body, int line, String fragment) {
        return Arguments.of(name, body, line, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodiesAreRejectedWithLineAndReason(String name, String body, int line, String fragment) {
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(body));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.reason().contains(fragment), () -> "expected \"" + fragment + "\" in: " + e.getMessage());
        assertFalse(e.getMessage().length() > 400, e.getMessage());
    }

    static Stream<Arguments> overLimits() {
        return Stream.of(
                bad("line over the limit", "ok 1\nm{a=\"" + "y".repeat(40) + "\"} 1\n", 2, "line is 49 characters long, over the limit of 48"),
                bad("comment over the limit", "# " + "c".repeat(47) + "\n", 1, "over the limit of 48"),
                bad("label value over the limit", "m{a=\"123456789\"} 1\n", 1, "value of label \"a\" is 9 characters long, over the limit of 8"),
                bad("samples over the limit", "a 1\nb 2\n# filler\nc 3\nd 4\n", 5, "too many samples: the limit is 3"),
                bad("families over the limit", "# HELP a A.\n# HELP b B.\n# TYPE c gauge\n# HELP d D.\n", 4,
                        "too many metric families: the limit is 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimits")
    void limitsAreEnforced(String name, String body, int line, String fragment) {
        Limits limits = new Limits(48, 3, 8);
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(body, limits));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(fragment), () -> "expected \"" + fragment + "\" in: " + e.getMessage());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, 0));
        assertEquals(new Limits(1 << 20, 2_000_000, 64 << 10), Limits.DEFAULT);
    }

    @Test
    void runawayLineIsRejectedWithoutParsingIt() {
        String endless = "m{a=\"" + "z".repeat(Limits.DEFAULT.maxLineLength() + 10);
        ExpositionParseException e = assertThrows(ExpositionParseException.class, () -> ExpositionParser.parse(endless));
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("over the limit of 1048576"), e.getMessage());
        assertTrue(e.excerpt().length() <= 86);
    }
}
