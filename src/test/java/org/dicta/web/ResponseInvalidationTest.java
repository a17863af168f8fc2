package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.dicta.support.Zips;
import org.junit.jupiter.api.Test;

/**
 * Each kind of change invalidates exactly the cached reads that could show it: each of them then shows the change,
 * and the cached reads that cannot show it are still held.
 *
 * <p>Every test imports its own small corpus: quote A (by speaker P, at meeting M, tagged T, holding a word of its own)
 * and quote B (by another speaker, at another meeting, with another word). The reads are A and B themselves, A's
 * revisions, the lists of P, M and T, searches for A's word and B's, B's speaker's list, a seed quote and the newest
 * quotes of all.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class ResponseInvalidationTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");

    @Inject
    ResponseCache cache;

    /** The ids and reads of one test's corpus. */
    private record Fixture(String p) {
        String quoteA() {
            return "/api/v1/quotes/" + p + "-a";
        }

        String quoteB() {
            return "/api/v1/quotes/" + p + "-b";
        }

        String revisionsA() {
            return quoteA() + "/revisions";
        }

        String speakerList() {
            return "/api/v1/quotes?speaker=" + p + "-speaker";
        }

        String meetingList() {
            return "/api/v1/quotes?meeting=" + p + "-meeting";
        }

        String topicList() {
            return "/api/v1/quotes?topic=" + p + "-topic";
        }

        String wordSearch() {
            return "/api/v1/quotes?q=" + p + "zephyr";
        }

        String otherWordSearch() {
            return "/api/v1/quotes?q=" + p + "basalt";
        }

        String otherSpeakerList() {
            return "/api/v1/quotes?speaker=ali-khamenei&limit=100";
        }

        static String seedQuote() {
            return "/api/v1/quotes/khamenei-north-south-corridor";
        }

        static String newest() {
            return "/api/v1/quotes?limit=5";
        }

        /** The reads that show quote A: its own, and the lists it is on. */
        List<String> showingA() {
            return List.of(quoteA(), speakerList(), meetingList(), topicList(), wordSearch());
        }

        /** The reads that cannot show a change to A or to what only A shows. */
        List<String> notShowingA() {
            return List.of(quoteB(), otherWordSearch(), otherSpeakerList(), seedQuote());
        }

        List<String> all() {
            List<String> all = new ArrayList<>(showingA());
            all.addAll(notShowingA());
            all.add(revisionsA());
            all.add(newest());
            return all;
        }
    }

    private static String annotations(String p, String topicLabel) {
        return """
                topics:
                  - id: %1$s-topic
                    labels: { en: %2$s }
                speakers:
                  - id: %1$s-speaker
                    kind: person
                    names: { en: %1$s Speaker }
                sources:
                  - id: %1$s-source
                    file: %1$s-source.txt
                    lang: en
                    headline: %1$s report
                  - id: %1$s-source-b
                    file: %1$s-source-b.txt
                    lang: en
                    headline: %1$s other report
                meetings:
                  - id: %1$s-meeting
                    titles: { en: %1$s meeting }
                    participants: [{ speaker: %1$s-speaker, role: host }]
                    sources: [%1$s-source]
                  - id: %1$s-meeting-b
                    titles: { en: %1$s other meeting }
                    participants: [{ speaker: ali-khamenei, role: host }]
                    sources: [%1$s-source-b]
                quotes:
                  - id: %1$s-a
                    speaker: %1$s-speaker
                    meeting: %1$s-meeting
                    topics: [%1$s-topic]
                    variants:
                      - source: %1$s-source
                        mode: direct
                        text: lanterns of %1$szephyr glow over quiet harbours
                  - id: %1$s-b
                    speaker: ali-khamenei
                    meeting: %1$s-meeting-b
                    variants:
                      - source: %1$s-source-b
                        mode: indirect
                        text: orchards of %1$sbasalt
                """.formatted(p, topicLabel);
    }

    private static Map<String, byte[]> corpus(String p, String topicLabel, String extraQuotes) {
        return Map.of("annotations.yaml", (annotations(p, topicLabel) + extraQuotes).getBytes(StandardCharsets.UTF_8),
                p + "-source.txt", ("Minsk.\nThe speaker said lanterns of " + p + "zephyr glow over quiet harbours, and "
                        + p + "zephyr again.\n").getBytes(StandardCharsets.UTF_8),
                p + "-source-b.txt", ("Tehran.\nHe spoke of orchards of " + p + "basalt.\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void importCorpus(Map<String, byte[]> files) {
        given().auth().oauth2(ADMIN).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports").then().statusCode(200);
    }

    /** Imports the corpus, then reads every read once, so that each is held. */
    private Fixture prepare(String p) {
        importCorpus(corpus(p, p + " topic", ""));
        Fixture fixture = new Fixture(p);
        for (String read : fixture.all()) {
            assertThat(given().when().get(read).statusCode()).as(read).isEqualTo(200);
            assertThat(held(read)).as("held after a read: " + read).isTrue();
        }
        assertThat(body(fixture.speakerList())).contains(p + "-a");
        assertThat(body(fixture.otherSpeakerList())).contains(p + "-b");
        return fixture;
    }

    private boolean held(String read) {
        // As RestAssured sends it.
        return cache.holds(read, header -> switch (header) {
            case "Host" -> "localhost:" + RestAssured.port;
            case "Accept" -> "*/*";
            default -> null;
        });
    }

    private static String body(String read) {
        return given().when().get(read).then().statusCode(200).extract().asString();
    }

    /** Every read given is no longer held, and shows the text when read again. */
    private void assertRefreshed(List<String> reads, String shown) {
        for (String read : reads) {
            assertThat(held(read)).as("invalidated: " + read).isFalse();
            assertThat(body(read)).as(read).contains(shown);
        }
    }

    private void assertStillHeld(List<String> reads) {
        for (String read : reads) {
            assertThat(held(read)).as("still held: " + read).isTrue();
        }
    }

    private static String etag(String url) {
        return given().auth().oauth2(ADMIN).when().get(url).then().statusCode(200).extract().header("ETag");
    }

    private static void patch(String url, String body) {
        patch(url, url, body);
    }

    /** A merge patch of url, made with the ETag of versioned (the resource whose version it changes). */
    private static void patch(String url, String versioned, String body) {
        given().auth().oauth2(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag(versioned))
                .body(body).when().patch(url).then().statusCode(200);
    }

    @Test
    void aQuoteEdit() {
        Fixture f = prepare("invquote");
        String trade = "/api/v1/quotes?topic=trade&limit=100";
        body(trade);
        assertThat(held(trade)).isTrue();

        patch(f.quoteA(), "{\"topics\": [\"trade\"], \"reason\": \"Retagged\"}");

        assertRefreshed(List.of(f.quoteA(), f.speakerList(), f.meetingList(), f.wordSearch()), "\"trade\"");
        assertRefreshed(List.of(trade), "invquote-a");
        assertThat(held(f.topicList())).isFalse();
        assertThat(body(f.topicList())).doesNotContain("invquote-a");
        assertRefreshed(List.of(f.revisionsA()), "Retagged");
        assertThat(held(Fixture.newest())).isFalse();
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aVariantEdit() {
        Fixture f = prepare("invvariant");
        long variant = given().when().get(f.quoteA()).then().extract().jsonPath().getLong("variants[0].id");

        patch(f.quoteA() + "/variants/" + variant, f.quoteA(), "{\"note\": \"invvariant note\", \"reason\": \"Noted\"}");

        assertRefreshed(f.showingA(), "invvariant note");
        assertRefreshed(List.of(f.revisionsA()), "Noted");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aSpeakerRename() {
        Fixture f = prepare("invspeaker");

        patch("/api/v1/speakers/invspeaker-speaker", "{\"names\": {\"en\": \"Renamed invspeaker\"}, \"reason\": \"Spelling\"}");

        assertRefreshed(f.showingA(), "Renamed invspeaker");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aMeetingRetitled() {
        Fixture f = prepare("invmeeting");

        patch("/api/v1/meetings/invmeeting-meeting", "{\"titles\": {\"en\": \"invmeeting summit\"}, \"reason\": \"Title\"}");

        assertRefreshed(f.showingA(), "invmeeting summit");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aTopicRelabelled() {
        Fixture f = prepare("invtopic");

        importCorpus(corpus("invtopic", "invtopic harbours", ""));

        assertRefreshed(f.showingA(), "invtopic harbours");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aSourceCorrected() {
        Fixture f = prepare("invsource");

        patch("/api/v1/sources/invsource-source", "{\"headline\": \"invsource corrected headline\", \"reason\": \"Headline\"}");

        assertRefreshed(f.showingA(), "invsource corrected headline");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void aRetraction() {
        Fixture f = prepare("invretract");

        given().auth().oauth2(ADMIN).header("If-Match", etag(f.quoteA())).queryParam("reason", "Misattributed.")
                .when().delete(f.quoteA()).then().statusCode(204);

        assertThat(held(f.quoteA())).isFalse();
        given().when().get(f.quoteA()).then().statusCode(410);
        for (String list : List.of(f.speakerList(), f.meetingList(), f.topicList(), f.wordSearch())) {
            assertThat(held(list)).as(list).isFalse();
            assertThat(body(list)).as(list).doesNotContain("invretract-a");
        }
        assertRefreshed(List.of(f.revisionsA()), "Misattributed.");
        assertStillHeld(f.notShowingA());
    }

    @Test
    void anImportOfANewQuote() {
        Fixture f = prepare("invimport");

        importCorpus(corpus("invimport", "invimport topic", """
                  - id: invimport-c
                    speaker: invimport-speaker
                    meeting: invimport-meeting
                    topics: [invimport-topic]
                    variants:
                      - source: invimport-source
                        mode: indirect
                        text: invimportzephyr again
                """));

        assertRefreshed(List.of(f.speakerList(), f.meetingList(), f.topicList(), f.wordSearch()), "invimport-c");
        assertThat(held(Fixture.newest())).isFalse();
        // Quote A itself did not change.
        assertStillHeld(List.of(f.quoteA(), f.revisionsA()));
        assertStillHeld(f.notShowingA());
    }

    @Test
    void anEditOfAnotherQuoteLeavesEveryReadOfThisOneHeld() {
        Fixture f = prepare("invother");

        patch(f.quoteB(), "{\"topics\": [\"sanctions\"], \"reason\": \"Tagged\"}");

        assertStillHeld(f.showingA());
        assertStillHeld(List.of(f.revisionsA(), Fixture.seedQuote()));
        assertRefreshed(List.of(f.quoteB(), f.otherSpeakerList(), f.otherWordSearch()), "sanctions");
    }

    @Test
    void aReadBegunBeforeAChangeItDependsOnIsNotKept() {
        long begun = cache.generation();
        cache.invalidate(Set.of("quote:late-store"));
        for (String target : List.of("/late/a", "/late/b", "/late/c")) {
            ResponseCache.Entry entry = new ResponseCache.Entry(begun, "application/json", List.of(), new byte[] {'{', '}'}, "\"0\"");
            Set<String> on = switch (target) {
                case "/late/a" -> Set.of("quote:late-store", "speaker:other");
                case "/late/b" -> Set.of("quote:unrelated");
                default -> Set.of(); // depends on any change
            };
            cache.put(CacheKey.of(target, header -> null), entry, on);
        }
        assertThat(cache.holds("/late/a", header -> null)).isFalse();
        assertThat(cache.holds("/late/b", header -> null)).isTrue();
        assertThat(cache.holds("/late/c", header -> null)).isFalse();

        cache.invalidateAll();
        assertThat(cache.holds("/late/b", header -> null)).isFalse();
        cache.put(CacheKey.of("/late/b", header -> null), new ResponseCache.Entry(begun, "application/json", List.of(),
                new byte[] {'{', '}'}, "\"0\""), Set.of("quote:unrelated"));
        assertThat(cache.holds("/late/b", header -> null)).as("begun before everything was invalidated").isFalse();
    }

}
