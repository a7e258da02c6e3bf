package io.nightwatch.flow.exposition;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable label set, sorted by label name, backed by two arrays: small (a sample carries a
 * handful of labels, an exposition can carry millions of samples) and cheap to look up. Equal to
 * any {@link Map} with the same entries.
 */
final class LabelMap extends AbstractMap<String, String> {

    static final LabelMap EMPTY = new LabelMap(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    /** Takes ownership of the arrays: keys sorted, unique, no nulls. */
    private LabelMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Sorted copy of {@code n} pairs; throws if a name repeats (the caller reports it better first). */
    static LabelMap ofPairs(String[] keys, String[] values, int n) {
        if (n == 0) {
            return EMPTY;
        }
        String[] k = Arrays.copyOf(keys, n);
        String[] v = Arrays.copyOf(values, n);
        sortPairs(k, v, n);
        for (int i = 1; i < n; i++) {
            if (k[i].equals(k[i - 1])) {
                throw new IllegalArgumentException("duplicate label name \"" + k[i] + "\"");
            }
        }
        return new LabelMap(k, v);
    }

    static LabelMap copyOf(Map<String, String> labels) {
        if (labels instanceof LabelMap m) {
            return m;
        }
        int n = labels.size();
        String[] k = new String[n];
        String[] v = new String[n];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "label name"); // tool text
            v[i] = Objects.requireNonNull(e.getValue(), "label value"); // tool text
            i++;
        }
        return ofPairs(k, v, n);
    }

    /**
     * Sorts the first n pairs by key, in place. Insertion sort for the usual handful of labels;
     * a hostile line with thousands of labels gets an O(n log n) sort instead.
     */
    static void sortPairs(String[] k, String[] v, int n) {
        if (n <= 16) {
            for (int i = 1; i < n; i++) {
                String key = k[i];
                String val = v[i];
                int j = i - 1;
                while (j >= 0 && k[j].compareTo(key) > 0) {
                    k[j + 1] = k[j];
                    v[j + 1] = v[j];
                    j--;
                }
                k[j + 1] = key;
                v[j + 1] = val;
            }
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
        String[] k2 = new String[n];
        String[] v2 = new String[n];
        for (int i = 0; i < n; i++) {
            k2[i] = k[order[i]];
            v2[i] = v[order[i]];
        }
        System.arraycopy(k2, 0, k, 0, n);
        System.arraycopy(v2, 0, v, 0, n);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) {
            return -1;
        }
        if (keys.length <= 8) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(s)) {
                    return i;
                }
            }
            return -1;
        }
        int i = Arrays.binarySearch(keys, s);
        return i >= 0 ? i : -1;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** Prometheus' own rendering: {@code {a="1",b="x\"y"}}, or the empty string for no labels. */
    @Override
    public String toString() {
        if (keys.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(keys[i]).append("=\"");
            String v = values[i];
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '"' -> sb.append("\\\"");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }
}
