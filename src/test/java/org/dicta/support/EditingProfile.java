package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A database of its own for tests that change the corpus, so that the read tests keep seeing the seeds as they are. */
public class EditingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dicta.test.database", "editing");
    }
}
