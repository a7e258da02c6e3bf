package io.nightwatch.flow.exposition;

import java.util.Locale;
import java.util.Random;

/**
 * Parse throughput on a generated body of about 20 MB shaped like real scrapes: counters with a
 * few labels, histograms with eleven buckets, summaries with NaN quantiles, HELP/TYPE lines, some
 * escapes and timestamps. Not a unit test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes io.nightwatch.flow.exposition.ExpositionParserBench [MB]}.
 */
public final class ExpositionParserBench {

    private ExpositionParserBench() {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String body = generate(megabytes * 1_000_000L, new Random(7));
        double mb = body.length() / 1e6;
        System.out.printf(Locale.ROOT, "body: %.1f MB, %d lines%n", mb, body.chars().filter(c -> c == '\n').count());

        long cold = System.nanoTime();
        int samples = ExpositionParser.parse(body).sampleCount();
        System.out.printf(Locale.ROOT, "first (cold JIT) parse: %.0f ms%n", (System.nanoTime() - cold) / 1e6);
        for (int i = 0; i < 5; i++) { // warm-up
            samples = ExpositionParser.parse(body).sampleCount();
        }
        int runs = 10;
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            samples = ExpositionParser.parse(body).sampleCount();
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        double mean = total / (double) runs / 1e9;
        System.out.printf(Locale.ROOT, "samples: %d%n", samples);
        System.out.printf(Locale.ROOT, "mean %.0f ms: %.1f MB/s, %.2f M samples/s%n",
                mean * 1e3, mb / mean, samples / mean / 1e6);
        System.out.printf(Locale.ROOT, "best %.0f ms: %.1f MB/s, %.2f M samples/s%n",
                best / 1e6, mb / (best / 1e9), samples / (best / 1e9) / 1e6);
    }

    static String generate(long chars, Random random) {
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, chars + 4096));
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        String[] codes = {"200", "201", "204", "400", "404", "429", "500", "503"};
        String[] le = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
        int family = 0;
        while (sb.length() < chars) {
            String name = "app_" + family + "_requests";
            switch (family % 4) {
                case 0 -> {
                    sb.append("# HELP ").append(name).append("_total Requests served, by \\\\ route\\nand code.\n");
                    sb.append("# TYPE ").append(name).append("_total counter\n");
                    for (int i = 0; i < 200; i++) {
                        sb.append(name).append("_total{code=\"").append(codes[i % codes.length])
                                .append("\",handler=\"/api/v1/items/").append(i).append("\",instance=\"10.0.")
                                .append(i % 7).append(".").append(i % 13).append(":9090\",job=\"api\",method=\"")
                                .append(methods[i % methods.length]).append("\"} ")
                                .append(random.nextInt(10_000_000)).append('\n');
                    }
                }
                case 1 -> {
                    sb.append("# HELP ").append(name).append("_duration_seconds Latency.\n");
                    sb.append("# TYPE ").append(name).append("_duration_seconds histogram\n");
                    for (int i = 0; i < 20; i++) {
                        long cumulative = 0;
                        for (String bound : le) {
                            cumulative += random.nextInt(1000);
                            sb.append(name).append("_duration_seconds_bucket{handler=\"/h").append(i)
                                    .append("\",method=\"GET\",le=\"").append(bound).append("\"} ").append(cumulative).append('\n');
                        }
                        sb.append(name).append("_duration_seconds_sum{handler=\"/h").append(i).append("\",method=\"GET\"} ")
                                .append(random.nextDouble() * 1e4).append('\n');
                        sb.append(name).append("_duration_seconds_count{handler=\"/h").append(i).append("\",method=\"GET\"} ")
                                .append(cumulative).append('\n');
                    }
                }
                case 2 -> {
                    sb.append("# TYPE ").append(name).append("_gc_seconds summary\n");
                    for (String q : new String[] {"0", "0.25", "0.5", "0.75", "1"}) {
                        sb.append(name).append("_gc_seconds{quantile=\"").append(q).append("\"} ")
                                .append(q.equals("1") ? "NaN" : String.format(Locale.ROOT, "%.6e", random.nextDouble() / 1000))
                                .append('\n');
                    }
                    sb.append(name).append("_gc_seconds_sum 0.0123\n").append(name).append("_gc_seconds_count 77\n");
                }
                default -> {
                    sb.append("# TYPE ").append(name).append("_info gauge\n");
                    for (int i = 0; i < 50; i++) {
                        sb.append(name).append("_info{msg=\"say \\\"hi\\\" #").append(i)
                                .append("\",path=\"C:\\\\srv\\\\").append(i).append("\"} 1 ")
                                .append(1_700_000_000_000L + i).append('\n');
                    }
                }
            }
            family++;
        }
        return sb.toString();
    }
}
