package org.dicta.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.dicta.web.ApiConfig;
import org.dicta.web.ProblemException;
import org.junit.jupiter.api.Test;

/** Exports take a slot each while they are written; with every slot taken, the next is refused with a 503 problem. */
class ExportSlotsTest {

    private static ApiConfig slots(int exports) {
        return (ApiConfig) Proxy.newProxyInstance(ApiConfig.class.getClassLoader(), new Class<?>[] {ApiConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "maxConcurrentExports" -> exports;
                    case "exportBatchSize" -> 10;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSlotIsHeldWhileTheExportIsWrittenAndFreedAfterwards() throws Exception {
        QuoteExport exports = new QuoteExport(null, null, slots(1));
        var first = exports.limited(output -> output.write("first".getBytes(StandardCharsets.UTF_8)));

        ProblemException busy = catchThrowableOfType(ProblemException.class,
                () -> exports.limited(output -> output.write('x')));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers()).containsEntry("Retry-After", "5");
        assertThat(busy.getMessage()).contains("1 exports are being written already");

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        first.write(written);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("first");
        exports.limited(output -> { }).write(new ByteArrayOutputStream()); // the slot is free again
    }

    @Test
    void aFailedExportFreesItsSlotToo() {
        QuoteExport exports = new QuoteExport(null, null, slots(1));
        var failing = exports.limited(output -> {
            throw new java.io.IOException("client went away");
        });
        catchThrowableOfType(java.io.IOException.class, () -> failing.write(new ByteArrayOutputStream()));
        assertThat(exports.limited(output -> { })).isNotNull();
    }
}
