package org.dicta.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt of a delivery: checks the target again (after DNS resolution), signs the body as Standard
 * Webhooks says and POSTs it, without following redirects, within the timeout, reading at most a few KB of the answer.
 */
final class WebhookSender {

    /** What an attempt came to: an HTTP status and the start of the answer, or an error without one. */
    record Attempt(Integer status, String response, String error) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final TargetPolicy targets;
    private final Duration timeout;
    private final int maxResponseBytes;

    WebhookSender(TargetPolicy targets, Duration timeout, int maxResponseBytes) {
        this.targets = targets;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The {@code webhook-signature} of a body, as Standard Webhooks computes it. */
    static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("A subscription's secret cannot sign", e);
        }
    }

    Attempt send(String url, String secret, String messageId, String body) {
        URI target;
        try {
            target = targets.check(url);
        } catch (TargetPolicy.UnsafeTargetException e) {
            return new Attempt(null, null, "target refused: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Dicta-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new LimitedBody(maxResponseBytes));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String answer = new String(response.body(), StandardCharsets.UTF_8);
            int status = response.statusCode();
            String error = status >= 300 && status < 400 ? "redirects are not followed (Location: "
                    + response.headers().firstValue("Location").orElse("none") + ")"
                    : status >= 200 && status < 300 ? null : "answered HTTP " + status;
            return new Attempt(status, answer, error);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Attempt(null, null, "timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(null, null, "interrupted: the instance is stopping");
        } catch (ExecutionException e) {
            return new Attempt(null, null, describe(e.getCause()));
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "could not connect within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + failure.getMessage();
        }
        if (failure instanceof IOException) {
            return "connection failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        }
        return "failed: " + failure;
    }

    /** Collects at most {@code limit} bytes of an answer's body, and stops reading there. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
