package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A database of its own for the feed tests, which correct and retract seed quotes to see them in the feeds: the
 * editing tests expect the seeds as they are (a re-import of them changes nothing).
 */
public class FeedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dicta.test.database", "feeds");
    }
}
