package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A database of its own for the generated client's suite, which reads the seeds as they are and then writes. */
public class ClientProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dicta.test.database", "client");
    }
}
