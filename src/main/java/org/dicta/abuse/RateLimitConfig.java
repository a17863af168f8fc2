package org.dicta.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-client request budgets (token buckets), by kind of request. */
@ConfigMapping(prefix = "dicta.rate-limit")
public interface RateLimitConfig {

    /** Off switch: false lets every request through (behind a gateway that limits already, or in tests). */
    @WithDefault("true")
    boolean enabled();

    /** Reads of the API (GET, HEAD) that are not searches: a client's steady rate and burst. */
    Budget reads();

    /** Full-text searches ({@code q}) and exports (NDJSON, CSV), which cost the server more. */
    Budget searches();

    /** Writes (POST, PUT, PATCH, DELETE). */
    Budget writes();

    /** Buckets (a client and a kind of request) remembered at most; beyond, the cache's admission policy drops some. */
    @WithDefault("100000")
    long maxClients();

    interface Budget {

        /** Requests a client may make per {@link #period()} in the long run. */
        long requests();

        /** The period over which {@link #requests()} are refilled, evenly. */
        @WithDefault("1m")
        Duration period();

        /** Requests a client may make at once, after being idle. */
        long burst();
    }
}
