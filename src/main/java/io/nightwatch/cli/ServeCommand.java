package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.alerts.WebhookReceiver;
import io.nightwatch.services.StackServices;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.stack.XdgDirs;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.ReadOnlyStoreException;
import io.nightwatch.store.StoreException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nightwatch serve}: everything but the window — receiver, pollers, health, flow, findings, store — for
 * a server, a second screen or systemd. Logs to the XDG state dir; stops cleanly on SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
public class ServeCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(ServeCommand.class);

    /** sysexits EX_UNAVAILABLE: the port is taken, by another receiver most likely. */
    static final int EXIT_PORT_IN_USE = 69;
    /** sysexits EX_CANTCREAT: the history cannot be written, so no delivery could ever be stored. */
    static final int EXIT_READ_ONLY = 73;
    /** sysexits EX_IOERR: the history cannot be opened (not SQLite, another program's, a newer schema), or other I/O. */
    static final int EXIT_STORE = 74;
    /** The RPO is a day: a server that looks at the backup sets every ten minutes raises the finding in time. */
    private static final java.time.Duration BACKUP_CHECK = java.time.Duration.ofMinutes(10);

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5001")
    String listen;

    @Option(names = "--no-receiver")
    boolean noReceiver;

    @Option(names = "--log", paramLabel = "FILE")
    Path logFile;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public ServeCommand() {
        this(System.getenv());
    }

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        var loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        StackProfile profile = loaded.get();
        Optional<String> token = Optional.ofNullable(env.get(WebhookReceiver.TOKEN_VARIABLE)).filter(t -> !t.isBlank());
        Optional<InetSocketAddress> address;
        try {
            address = noReceiver ? Optional.empty() : Optional.of(parseAddress(listen));
            if (address.isPresent()) WebhookReceiver.checkAddress(address.get(), token);
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + "--listen " + listen + ": " + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        Path db = storeOptions.resolve(env);
        try {
            AlertStore.checkWritable(db); // else it would say "serving" and answer every delivery 503
        } catch (ReadOnlyStoreException e) {
            err.println(NightwatchCommand.PREFIX + T.get("serve.notServing", e.getMessage()));
            return EXIT_READ_ONLY;
        }
        Path log = logFile != null ? logFile : XdgDirs.state(env).map(d -> d.resolve("nightwatch.log")).orElse(null);
        if (log != null) logTo(log);
        AlertSettings settings = AlertSettings.defaults().withListen(address).withBearerToken(token);
        CountDownLatch stop = new CountDownLatch(1);
        try (StackServices services = StackServices.builder(profile, env).clock(Clock.systemUTC()).ownStore(AlertStore.open(db))
                .settings(settings).backupCheckEvery(BACKUP_CHECK).open()) {
            services.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                LoggerFactory.getLogger(ServeCommand.class).info("SIGTERM: stopping"); // tool text
            }, "nightwatch-serve-stop"));
            err.println(NightwatchCommand.PREFIX + T.get("serve.serving", profile.source(), db)
                    + "; " + services.alerts().flatMap(AlertService::receiverPort).map(p -> T.get("serve.webhooks", address.get().getHostString() + ":" + p))
                            .orElse(T.get("serve.noReceiver"))
                    + (log == null ? "" : "; " + T.get("serve.log", log)));
            err.flush();
            LoggerFactory.getLogger(ServeCommand.class).info("serving {} with history in {}", profile.source(), db); // tool text
            stop.await();
        } catch (WebhookReceiver.PortInUseException e) {
            err.println(NightwatchCommand.PREFIX + T.get("serve.notServing", e.getMessage()));
            return EXIT_PORT_IN_USE;
        } catch (BindException e) { // not this host's address, or a port below 1024
            err.println(NightwatchCommand.PREFIX + "--listen " + listen + ": " + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        } catch (ReadOnlyStoreException e) {
            err.println(NightwatchCommand.PREFIX + T.get("serve.notServing", e.getMessage()));
            return EXIT_READ_ONLY;
        } catch (IOException | StoreException e) {
            err.println(NightwatchCommand.PREFIX + T.get("serve.notServing", e.getMessage()));
            return EXIT_STORE;
        }
        return 0;
    }

    static InetSocketAddress parseAddress(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException(T.get("serve.notHostPort", text));
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) throw new IllegalArgumentException(T.get("serve.portRange", port));
            String host = text.substring(0, colon).replaceAll("^\\[|\\]$", "");
            if (host.isBlank()) throw new IllegalArgumentException(T.get("serve.noHost", text));
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(T.get("serve.noPort", text));
        }
    }

    /** Adds a file appender to the root logger: a service's log belongs in the state dir, not only on stderr. */
    private static void logTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        context.getLogger("io.nightwatch").setLevel(ch.qos.logback.classic.Level.INFO);
    }
}
