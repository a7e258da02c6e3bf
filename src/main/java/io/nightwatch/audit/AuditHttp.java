package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Bounded GETs against the services' own APIs: every read has a time limit and a size limit. */
final class AuditHttp {

    static final int MAX_BODY = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status code and body (cut at {@link #MAX_BODY}). */
    record Answer(int code, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final OkHttpClient client;

    AuditHttp(Duration timeout) {
        this.client = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(3)).followRedirects(false).build();
    }

    Answer get(String url) throws IOException {
        return send(request(url).get().build());
    }

    /** With HTTP basic auth (the Grafana default-login probe). */
    Answer get(String url, String user, String password) throws IOException {
        return send(request(url).header("Authorization", Credentials.basic(user, password)).get().build());
    }

    /** A JSON answer with status 200, else an IOException naming the code. */
    JsonNode json(String url) throws IOException {
        Answer a = get(url);
        if (a.code() != 200) throw new IOException("GET " + url + " answered " + a.code());
        return a.json();
    }

    /** A service the profile gives no published address (a Swarm stack's, as in production) is a check not made, not a crash. */
    private static Request.Builder request(String url) throws IOException {
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url);
        if (parsed == null) throw new IOException("no address to ask (" + url + "): the profile publishes none for this service");
        return new Request.Builder().url(parsed);
    }

    private Answer send(Request request) throws IOException {
        try (Response r = client.newCall(request).execute(); ResponseBody body = r.body()) {
            if (body == null) return new Answer(r.code(), "");
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(MAX_BODY);
                return new Answer(r.code(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
