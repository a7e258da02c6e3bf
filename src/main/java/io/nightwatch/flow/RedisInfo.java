package io.nightwatch.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Redis {@code INFO} output, read as "field:value" lines; keyspace lines ("db0:keys=12,expires=3") summed. */
final class RedisInfo {

    private final Map<String, String> fields;
    private final long keys;
    private final long expires;

    private RedisInfo(Map<String, String> fields, long keys, long expires) {
        this.fields = fields;
        this.keys = keys;
        this.expires = expires;
    }

    static RedisInfo parse(String text) {
        Map<String, String> fields = new HashMap<>();
        long keys = 0;
        long expires = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (name.matches("db\\d+")) {
                for (String part : value.split(",")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("keys")) keys += parseLong(kv[1]);
                    if (kv.length == 2 && kv[0].equals("expires")) expires += parseLong(kv[1]);
                }
            } else {
                fields.put(name, value);
            }
        }
        return new RedisInfo(fields, keys, expires);
    }

    OptionalDouble number(String field) {
        if (field.equals("expires")) return fields.containsKey("redis_version") ? OptionalDouble.of(expires) : OptionalDouble.empty();
        if (field.equals("keys")) return OptionalDouble.of(keys);
        String value = fields.get(field);
        if (value == null) return OptionalDouble.empty();
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    boolean looksValid() { return fields.containsKey("redis_version"); }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
