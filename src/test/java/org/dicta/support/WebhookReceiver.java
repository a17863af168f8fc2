package org.dicta.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback, as a subscriber would run one: it records every request (headers, body, with header
 * names in lower case) and answers 500 to the first {@code failures} of them, then 200 (or 500 to all while failing).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and how it was answered. */
    public record Request(Map<String, List<String>> headers, String body, int answered) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final AtomicInteger failures;
    private volatile boolean failing;
    private volatile long delayMillis;
    private final List<Request> requests = new ArrayList<>();

    public WebhookReceiver(String path, int failures) {
        this.failures = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // a slow receiver: deliveries overlap with whatever else runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failing || this.failures.getAndDecrement() > 0 ? 500 : 200;
            synchronized (requests) {
                requests.add(new Request(headers, new String(body, StandardCharsets.UTF_8), status));
                requests.notifyAll();
            }
            byte[] answer = (status == 200 ? "ok" : "receiver is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Answers 500 to every request while {@code failing}, as a receiver that is down. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Takes this long over each request before answering it. */
    public void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests answered 200, in the order they arrived. */
    public List<Request> accepted() {
        return requests().stream().filter(request -> request.answered() == 200).toList();
    }

    /** Waits until the accepted requests meet the condition, for at most a minute; then returns them. */
    public List<Request> awaitAccepted(Predicate<List<Request>> condition) throws InterruptedException {
        return await(condition, true);
    }

    /** Waits until all requests (accepted or not) meet the condition, for at most a minute; then returns them. */
    public List<Request> awaitRequests(Predicate<List<Request>> condition) throws InterruptedException {
        return await(condition, false);
    }

    private List<Request> await(Predicate<List<Request>> condition, boolean acceptedOnly) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        synchronized (requests) {
            while (!condition.test(acceptedOnly ? accepted() : requests()) && Instant.now().isBefore(deadline)) {
                requests.wait(200);
            }
        }
        return acceptedOnly ? accepted() : requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
