package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.probe.InContainerHttp;
import io.nightwatch.stack.Endpoint;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a text document (metrics, API JSON) from a service the way the health probes reach it: directly when
 * the published address answers, else with {@code wget} inside its container. Bodies are capped, so a runaway
 * endpoint cannot fill the console's memory.
 */
final class EndpointReader {

    private static final Texts T = Texts.of(EndpointReader.class);

    static final long MAX_BODY_BYTES = 32L << 20;

    /** The document, or why there is none. */
    record Fetched(Optional<String> body, String transport, String problem) {
        static Fetched ok(String body, String transport) { return new Fetched(Optional.of(body), transport, ""); }
        static Fetched failed(String problem) { return new Fetched(Optional.empty(), "", problem); }
    }

    private final OkHttpClient client;
    private final InContainerHttp inside;

    EndpointReader(Duration timeout, OkHttpClient shared) {
        this.client = shared.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1))
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(3))
                .retryOnConnectionFailure(false)
                .build();
        this.inside = new InContainerHttp(timeout.multipliedBy(2));
    }

    Fetched get(Endpoint endpoint, String pathAndQuery, Optional<ContainerFacts> container, Optional<DockerGateway> gateway) {
        String why = "";
        if (!endpoint.directHost().isEmpty()) {
            String host = endpoint.directHost().contains(":") ? "[" + endpoint.directHost() + "]" : endpoint.directHost();
            String url = "http://" + host + ":" + endpoint.directPort() + pathAndQuery;
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                if (!response.isSuccessful()) return Fetched.failed(pathAndQuery + " returns " + response.code());
                return Fetched.ok(readCapped(response.body()), "direct");
            } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
                why = T.get("read.refused", endpoint.directHost() + ":" + endpoint.directPort());
            } catch (SocketTimeoutException e) {
                return Fetched.failed(T.get("read.timedOut", pathAndQuery));
            } catch (IOException e) {
                why = endpoint.directHost() + ":" + endpoint.directPort() + ": " + e.getMessage();
            }
        }
        if (container.isEmpty() || !container.get().running() || gateway.isEmpty()) {
            return Fetched.failed(why.isEmpty() ? T.get("read.notReachable") : why);
        }
        String url = "http://localhost:" + endpoint.containerPort() + pathAndQuery;
        try {
            ExecResult r = inside.get(gateway.get(), container.get().name(), url);
            if (r.succeeded()) {
                if (r.stdout().length() > MAX_BODY_BYTES) return Fetched.failed(T.get("read.tooLarge", pathAndQuery, MAX_BODY_BYTES >> 20));
                return Fetched.ok(r.stdout(), "exec");
            }
            if (InContainerHttp.timedOut(r)) return Fetched.failed(T.get("read.timedOutExec", pathAndQuery));
            return Fetched.failed(InContainerHttp.errorStatus(r).map(s -> T.get("read.returns", pathAndQuery, s))
                    .orElse(InContainerHttp.refused(r) ? T.get("read.nothingInside", endpoint.containerPort())
                            : T.get("read.failedInside", pathAndQuery)));
        } catch (ExecUnavailableException e) {
            return Fetched.failed((why.isEmpty() ? "" : why + "; ") + e.getMessage());
        } catch (EngineUnreachableException e) {
            return Fetched.failed(e.getMessage());
        }
    }

    private static String readCapped(ResponseBody body) throws IOException {
        if (body == null) return "";
        if (body.contentLength() > MAX_BODY_BYTES) throw new IOException("body larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) throw new IOException("body larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
