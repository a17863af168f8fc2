package org.dicta.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dicta.web.ApiConfig;
import org.dicta.web.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Exports take a slot each while they are written; with every slot taken, the next is refused with a 503 problem. A
 * slot is given back once, when the export is written or when the response ends without it.
 */
class ExportSlotsTest {

    /** A response that never ends while the test looks. */
    private static final Consumer<Runnable> NEVER = release -> { };

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
        var first = exports.limited(output -> output.write("first".getBytes(StandardCharsets.UTF_8)), NEVER);

        ProblemException busy = catchThrowableOfType(ProblemException.class,
                () -> exports.limited(output -> output.write('x'), NEVER));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers()).containsEntry("Retry-After", "5");
        assertThat(busy.getMessage()).contains("1 exports are being written already");

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        first.write(written);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("first");
        exports.limited(output -> { }, NEVER).write(new ByteArrayOutputStream()); // the slot is free again
    }

    @Test
    void aFailedExportFreesItsSlotToo() {
        QuoteExport exports = new QuoteExport(null, null, slots(1));
        var failing = exports.limited(output -> {
            throw new java.io.IOException("client went away");
        }, NEVER);
        catchThrowableOfType(java.io.IOException.class, () -> failing.write(new ByteArrayOutputStream()));
        assertThat(exports.limited(output -> { }, NEVER)).isNotNull();
    }

    @Test
    void aResponseThatEndsWithoutTheExportFreesItsSlotOnce() throws Exception {
        QuoteExport exports = new QuoteExport(null, null, slots(2));
        List<Runnable> ends = new ArrayList<>();
        exports.limited(output -> output.write('a'), ends::add); // a HEAD request: never written
        var second = exports.limited(output -> output.write('b'), ends::add);
        assertThat(catchThrowableOfType(ProblemException.class, () -> exports.limited(output -> { }, NEVER)).status())
                .isEqualTo(503);

        ends.get(0).run(); // the first response ends
        second.write(new ByteArrayOutputStream());
        ends.get(1).run(); // the second ends after its export was written: its slot is not given back twice
        exports.limited(output -> { }, NEVER);
        exports.limited(output -> { }, NEVER);
        assertThat(catchThrowableOfType(ProblemException.class, () -> exports.limited(output -> { }, NEVER)).status())
                .as("two slots, not three").isEqualTo(503);
    }
}
