package org.dicta.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dicta.language.LanguageResource;
import org.dicta.meeting.MeetingResource;
import org.dicta.quote.QuoteResource;
import org.dicta.seed.ImportResource;
import org.dicta.source.SourceResource;
import org.dicta.speaker.SpeakerResource;
import org.dicta.topic.TopicResource;

/** The methods each path of the API takes, read from the resources' annotations, for the Allow header of a 405. */
final class AllowedMethods {

    private static final List<Class<?>> RESOURCES = List.of(QuoteResource.class, SpeakerResource.class,
            MeetingResource.class, SourceResource.class, TopicResource.class, LanguageResource.class, ImportResource.class);
    private static final Map<Pattern, Set<String>> BY_PATH = read();

    private AllowedMethods() {
    }

    /** "GET, HEAD" and the like, or null for a path no resource serves. */
    static String of(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        List<String> matches = new ArrayList<>();
        BY_PATH.forEach((template, methods) -> {
            if (template.matcher(trimmed).matches()) {
                matches.addAll(methods);
            }
        });
        return matches.isEmpty() ? null : String.join(", ", new TreeSet<>(matches));
    }

    private static Map<Pattern, Set<String>> read() {
        Map<String, Set<String>> templates = new LinkedHashMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                Set<String> methods = templates.computeIfAbsent(template, key -> new TreeSet<>());
                methods.add(verb);
                if (verb.equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        Map<Pattern, Set<String>> patterns = new LinkedHashMap<>();
        templates.forEach((template, methods) -> patterns.put(
                Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), methods));
        return patterns;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
