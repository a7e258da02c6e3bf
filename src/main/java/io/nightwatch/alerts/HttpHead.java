package io.nightwatch.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A request line and headers, parsed strictly: anything ambiguous (two lengths, a length with chunking, folded
 * lines) is refused, since a lenient parser is where request smuggling starts. Messages never quote the request.
 */
record HttpHead(String method, String path, boolean http11, Map<String, String> headers) {

    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_HEADERS = 100;

    /** The bytes up to (not including) the blank line. */
    static HttpHead parse(byte[] bytes, int length) throws BadRequest {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        String[] request = lines[0].split(" ", -1);
        if (request.length != 3 || !TOKEN.matcher(request[0]).matches()) throw new BadRequest(400, "malformed request line"); // tool text
        if (!request[2].equals("HTTP/1.1") && !request[2].equals("HTTP/1.0")) {
            throw new BadRequest(505, "only HTTP/1.0 and HTTP/1.1 are spoken here"); // tool text
        }
        if (lines.length - 1 > MAX_HEADERS) throw new BadRequest(431, "more than " + MAX_HEADERS + " header lines"); // tool text
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) throw new BadRequest(400, "malformed header line " + i); // tool text
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            String previous = headers.putIfAbsent(name, value);
            if (previous != null) {
                if (name.equals("content-length") && !previous.equals(value)) throw new BadRequest(400, "two different Content-Length headers"); // tool text
                if (!name.equals("content-length")) headers.put(name, previous + ", " + value);
            }
        }
        if (headers.containsKey("transfer-encoding") && headers.containsKey("content-length")) {
            throw new BadRequest(400, "both Content-Length and Transfer-Encoding"); // tool text
        }
        String te = headers.get("transfer-encoding");
        if (te != null && !te.equalsIgnoreCase("chunked")) throw new BadRequest(501, "only chunked transfer encoding is supported"); // tool text
        return new HttpHead(request[0], path(request[1]), request[2].equals("HTTP/1.1"), Map.copyOf(headers));
    }

    private static String path(String target) throws BadRequest {
        try {
            String path = new URI(target).getPath();
            if (path == null || !path.startsWith("/")) throw new BadRequest(400, "request target is not a path"); // tool text
            return path;
        } catch (URISyntaxException e) {
            throw new BadRequest(400, "request target is not a URI"); // tool text
        }
    }

    String header(String name) {
        return headers.get(name);
    }

    boolean chunked() {
        return headers.containsKey("transfer-encoding");
    }

    /** Empty when absent (no body unless chunked). */
    OptionalLong contentLength() throws BadRequest {
        String v = headers.get("content-length");
        if (v == null) return OptionalLong.empty();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) throw new BadRequest(400, "Content-Length is not a number"); // tool text
        return OptionalLong.of(Long.parseLong(v));
    }

    boolean keepAlive() {
        String c = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        return http11 ? !c.contains("close") : c.contains("keep-alive");
    }

    boolean expectsContinue() {
        return http11 && "100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""));
    }
}
