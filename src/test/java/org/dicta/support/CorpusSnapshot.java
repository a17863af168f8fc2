package org.dicta.support;

import static io.restassured.RestAssured.given;

/** Everything the API shows of the corpus, retracted quotes included, in one string: equal snapshots, equal corpora. */
public final class CorpusSnapshot {

    private static final String[] LISTS = {"/api/v1/speakers?limit=100", "/api/v1/meetings?limit=100",
            "/api/v1/sources?limit=100", "/api/v1/topics", "/api/v1/languages",
            "/api/v1/quotes?lang=all&limit=100&include_retracted=true"};

    private CorpusSnapshot() {
    }

    /** The snapshot, read with an admin's token ({@code include_retracted} needs one). */
    public static String take() {
        String admin = EditorTokens.admin("corpus-snapshot");
        StringBuilder all = new StringBuilder();
        for (String list : LISTS) {
            all.append(given().auth().oauth2(admin).when().get(list).then().statusCode(200).extract().asString());
        }
        return all.toString();
    }
}
