package org.dicta.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.dicta.domain.Violation;

/**
 * Refuses a single-valued query parameter given twice or given empty, before any resource reads it: otherwise the
 * first value would silently win, and an empty one would silently mean "absent".
 */
public class SingleValuedParameters {

    static final Set<String> SINGLE_VALUED = Set.of("lang", "meeting", "limit", "cursor", "q", "sort", "mode", "from", "to",
            "updated_since", "reason", "include_retracted");

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        List<Violation> violations = new ArrayList<>();
        for (String name : SINGLE_VALUED) {
            List<String> values = query.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                violations.add(new Violation(name, "is given " + values.size() + " times; give it once"));
            } else if (values.get(0).isBlank()) {
                violations.add(new Violation(name, "is empty; give a value or leave the parameter out"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }
}
