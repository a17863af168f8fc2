package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A database of its own that the tests also write to directly, as other instances sharing it would: every cached
 * read first reads the change feed, as it does on a shared database in production.
 */
public class OtherInstancesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dicta.test.database", "others", "dicta.api.shared-database", "true");
    }
}
