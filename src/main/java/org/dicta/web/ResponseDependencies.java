package org.dicta.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What the response to the current request shows, as the names changes are announced under (see
 * {@link ResponseCache}): a resource that serves a cacheable read says so, and the cache invalidates the stored copy
 * only when one of them changes. A read that names nothing is invalidated by every change.
 */
@RequestScoped
public class ResponseDependencies {

    private final Set<String> names = new HashSet<>();

    public void add(String name) {
        names.add(name);
    }

    public void addAll(Collection<String> more) {
        names.addAll(more);
    }

    Set<String> names() {
        return names;
    }
}
