package org.dicta.language;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LanguageResourceTest {

    @Test
    void listsTheFourLanguagesWithTheirDirection() {
        given().when().get("/api/v1/languages")
                .then().statusCode(200)
                .body("items.code", contains("ar", "fa", "en", "ur"))
                .body("items.englishName", contains("Arabic", "Persian", "English", "Urdu"))
                .body("items.nativeName", contains("العربية", "فارسی", "English", "اردو"))
                .body("items.direction", contains("rtl", "rtl", "ltr", "rtl"))
                .body("next", nullValue());
    }
}
