package org.dicta.quote;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicta.source.SourceSummary;
import org.dicta.speaker.SpeakerKind;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A quote as schema.org JSON-LD, for linked-data consumers: the statement is a {@code Quotation} spoken by its speaker;
 * each variant is one of its {@code workExample}s, a {@code Quotation} in its language that {@code isBasedOn} the
 * reporting article and names the other variants as its {@code workTranslation}s.
 */
@Schema(name = "QuoteJsonLd", type = SchemaType.OBJECT,
        description = "schema.org JSON-LD: a Quotation with its variants as workExample Quotations.",
        example = "{\"@context\": \"https://schema.org\", \"@type\": \"Quotation\", "
                + "\"@id\": \"http://localhost:8080/api/v1/quotes/khamenei-north-south-corridor\", "
                + "\"spokenByCharacter\": {\"@type\": \"Person\", \"identifier\": \"ali-khamenei\"}, "
                + "\"workExample\": [{\"@type\": \"Quotation\", \"inLanguage\": \"en\", \"text\": \"this corridor "
                + "would benefit Iran, Belarus, Russia, and the region\", \"isBasedOn\": {\"@type\": \"NewsArticle\"}}]}")
public final class QuoteJsonLd {

    private QuoteJsonLd() {
    }

    public static Map<String, Object> from(QuoteView quote, URI base) {
        String quoteUri = base.resolve("api/v1/quotes/" + quote.id()).toString();
        Map<String, Object> speaker = new LinkedHashMap<>();
        speaker.put("@type", quote.speaker().kind() == SpeakerKind.PERSON ? "Person" : "Organization");
        speaker.put("@id", base.resolve("api/v1/speakers/" + quote.speaker().id()).toString());
        speaker.put("identifier", quote.speaker().id());
        speaker.put("name", languageValues(quote.speaker().names()));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@type", "Quotation");
        root.put("@id", quoteUri);
        root.put("identifier", quote.id());
        root.put("spokenByCharacter", speaker);
        root.put("creator", Map.of("@id", speaker.get("@id")));
        if (quote.meeting().date() != null) {
            root.put("dateCreated", quote.meeting().date().toString());
        }
        root.put("about", quote.topics().stream().map(topic -> Map.of("@type", "DefinedTerm", "identifier", topic.id(),
                "name", languageValues(topic.labels()))).toList());
        root.put("workExample", quote.variants().stream().map(variant -> variant(quote, variant, quoteUri, base)).toList());
        return root;
    }

    private static Map<String, Object> variant(QuoteView quote, QuoteView.VariantView variant, String quoteUri, URI base) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", "Quotation");
        node.put("@id", quoteUri + "#variant-" + variant.id());
        node.put("identifier", String.valueOf(variant.id()));
        node.put("text", variant.text());
        node.put("inLanguage", variant.lang());
        node.put("spokenByCharacter", Map.of("@id", base.resolve("api/v1/speakers/" + quote.speaker().id()).toString()));
        node.put("isBasedOn", source(variant.source(), base));
        node.put("citation", variant.citation());
        List<Map<String, Object>> translations = new ArrayList<>();
        quote.variants().stream()
                .filter(other -> other.id() != variant.id() && !other.lang().equals(variant.lang()))
                .forEach(other -> translations.add(Map.of("@id", quoteUri + "#variant-" + other.id())));
        node.put("workTranslation", translations);
        return node;
    }

    private static Map<String, Object> source(SourceSummary source, URI base) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", "NewsArticle");
        node.put("@id", base.resolve("api/v1/sources/" + source.id()).toString());
        node.put("identifier", source.id());
        node.put("inLanguage", source.lang());
        if (source.headline() != null) {
            node.put("headline", source.headline());
        }
        if (source.date() != null) {
            node.put("datePublished", source.date().toString());
        }
        if (source.publisher() != null) {
            node.put("publisher", Map.of("@type", "Organization", "name", source.publisher()));
        }
        return node;
    }

    /** A multilingual value as JSON-LD language-tagged strings. */
    private static List<Map<String, String>> languageValues(Map<String, String> byLanguage) {
        return byLanguage.entrySet().stream().map(e -> Map.of("@value", e.getValue(), "@language", e.getKey())).toList();
    }
}
