package org.dicta.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;

/**
 * Streams every quote matching a filter, without paging and in constant memory: the list is read a batch at a time,
 * each batch in its own short read transaction, and written out as it goes.
 */
@ApplicationScoped
public class QuoteExport {

    static final String CSV_COLUMNS_DESCRIPTION = "quote_id, speaker_id, speaker_name, meeting_id, meeting_date, topics "
            + "(ids separated by `;`), variant_id, lang, mode, text, source_id, publisher, source_date, span_start, span_end, "
            + "note, citation";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(CsvRow.class).withHeader();

    private final QuoteService quotes;
    private final ObjectMapper json;
    private final int batchSize;
    /** Exports stream for as long as the corpus takes: only so many at once, so that they cannot starve the readers. */
    private final java.util.concurrent.Semaphore running;
    private final int maxRunning;

    QuoteExport(QuoteService quotes, ObjectMapper json, ApiConfig config) {
        this.quotes = quotes;
        this.json = json;
        this.batchSize = config.exportBatchSize();
        this.maxRunning = config.maxConcurrentExports();
        this.running = new java.util.concurrent.Semaphore(maxRunning);
    }

    /**
     * Takes one of the export slots for {@code export}; 503 with Retry-After when all are taken. The slot is given back
     * when the export has been written, or when the response ends without it (a HEAD request, a client that went away
     * before the first byte, a failure between here and the writing), whichever comes first.
     *
     * @param atResponseEnd registers an action to run when the response has ended, however it ended
     */
    public StreamingOutput limited(StreamingOutput export, Consumer<Runnable> atResponseEnd) {
        if (!running.tryAcquire()) {
            throw new org.dicta.web.ProblemException(503, "/problems/exports-busy", "Too many exports at once",
                    maxRunning + " exports are being written already; retry in a few seconds, or page through the JSON list.",
                    null, java.util.Map.of("Retry-After", "5"));
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                running.release();
            }
        };
        try {
            atResponseEnd.accept(release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        return output -> {
            try {
                export.write(output);
            } finally {
                release.run();
            }
        };
    }

    /** One Quote JSON object per line. */
    public StreamingOutput ndjson(QuoteFilter filter, LanguageChoice language) {
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            forEachBatch(filter, language, batch -> {
                for (QuoteView view : batch) {
                    writer.write(json.writeValueAsString(view));
                    writer.write('\n');
                }
                writer.flush();
            });
            writer.flush();
        };
    }

    /** One row per variant, with a header row, in UTF-8 with a byte order mark for spreadsheet programs. */
    public StreamingOutput csv(QuoteFilter filter, LanguageChoice language) {
        return output -> {
            output.write(UTF8_BOM);
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try (SequenceWriter rows = CSV.writer(CSV_SCHEMA).writeValues(writer)) {
                forEachBatch(filter, language, batch -> {
                    for (QuoteView view : batch) {
                        for (QuoteView.VariantView variant : view.variants()) {
                            rows.write(CsvRow.of(view, variant, language));
                        }
                    }
                });
            }
        };
    }

    private interface BatchWriter {
        void write(List<QuoteView> batch) throws IOException;
    }

    private void forEachBatch(QuoteFilter filter, LanguageChoice language, BatchWriter writer) throws IOException {
        String after = null;
        while (true) {
            String from = after;
            // Views are built inside the read transaction: they touch lazily loaded speakers, meetings and topics.
            Batch batch = QuarkusTransaction.requiringNew().call(() -> {
                List<QuoteMatch> matches = quotes.list(filter, from, batchSize);
                return new Batch(matches.stream().map(match -> QuoteView.from(match, language)).toList(),
                        matches.isEmpty() ? null : matches.get(matches.size() - 1).key());
            });
            if (batch.lastKey() == null) {
                return; // an empty batch: a short one may only mean that quotes were deleted since the index was read
            }
            writer.write(batch.views());
            after = batch.lastKey();
        }
    }

    private record Batch(List<QuoteView> views, String lastKey) {
    }

    /** One CSV row: a variant with its quote's context. */
    @JsonPropertyOrder({"quote_id", "speaker_id", "speaker_name", "meeting_id", "meeting_date", "topics", "variant_id", "lang",
            "mode", "text", "source_id", "publisher", "source_date", "span_start", "span_end", "note", "citation"})
    record CsvRow(
            @JsonProperty("quote_id") String quoteId,
            @JsonProperty("speaker_id") String speakerId,
            @JsonProperty("speaker_name") String speakerName,
            @JsonProperty("meeting_id") String meetingId,
            @JsonProperty("meeting_date") String meetingDate,
            @JsonProperty("topics") String topics,
            @JsonProperty("variant_id") long variantId,
            @JsonProperty("lang") String lang,
            @JsonProperty("mode") String mode,
            @JsonProperty("text") String text,
            @JsonProperty("source_id") String sourceId,
            @JsonProperty("publisher") String publisher,
            @JsonProperty("source_date") String sourceDate,
            @JsonProperty("span_start") int spanStart,
            @JsonProperty("span_end") int spanEnd,
            @JsonProperty("note") String note,
            @JsonProperty("citation") String citation) {

        static CsvRow of(QuoteView quote, QuoteView.VariantView variant, LanguageChoice language) {
            return new CsvRow(quote.id(), quote.speaker().id(), language.best(quote.speaker().names()).orElse(""),
                    quote.meeting().id(), quote.meeting().date() == null ? "" : quote.meeting().date().toString(),
                    quote.topics().stream().map(topic -> topic.id()).collect(Collectors.joining(";")),
                    variant.id(), variant.lang(), variant.mode().name().toLowerCase(java.util.Locale.ROOT), variant.text(),
                    variant.source().id(), variant.source().publisher(),
                    variant.source().date() == null ? "" : variant.source().date().toString(),
                    variant.span().start(), variant.span().end(), variant.note(), variant.citation());
        }
    }

}
