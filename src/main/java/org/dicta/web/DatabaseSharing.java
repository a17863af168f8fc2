package org.dicta.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether other processes may write to the database ({@code dicta.api.shared-database}; by default, unless it is an
 * H2 database embedded in this process). When none can, every change is applied here before its writer is answered,
 * and reads need not look for changes made elsewhere.
 */
@ApplicationScoped
public class DatabaseSharing {

    private final boolean shared;

    DatabaseSharing(ApiConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl) {
        this.shared = ResponseCaching.sharedDatabase(config, databaseUrl);
    }

    public boolean shared() {
        return shared;
    }
}
