package org.dicta.web;

import java.util.function.UnaryOperator;

/**
 * What makes two requests the same read for the response cache: the host and request target as sent, and every header
 * the answer depends on (negotiation, and the forwarding headers that shape absolute links).
 */
final class CacheKey {

    private static final String[] HEADERS = {"Accept", "Accept-Language", "Forwarded", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix"};

    private CacheKey() {
    }

    /**
     * @param target the request target as sent: raw path and query
     * @param header a request header's value by name, or null
     */
    static String of(String target, UnaryOperator<String> header) {
        StringBuilder key = new StringBuilder(target.length() + 64).append(header.apply("Host")).append(' ').append(target);
        for (String name : HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                key.append('\n').append(name).append(": ").append(value);
            }
        }
        return key.toString();
    }
}
