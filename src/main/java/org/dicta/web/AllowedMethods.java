package org.dicta.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
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

/** The methods each path of the API takes, read from the resources' annotations, for the Allow header of a 405. */
final class AllowedMethods {

    /** Read once, at the first 405: every resource of the application is a bean by then. */
    private static volatile Map<Pattern, Set<String>> byPath;

    private AllowedMethods() {
    }

    /** "GET, HEAD" and the like, or null for a path no resource serves. */
    static String of(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        List<String> matches = new ArrayList<>();
        paths().forEach((template, methods) -> {
            if (template.matcher(trimmed).matches()) {
                matches.addAll(methods);
            }
        });
        return matches.isEmpty() ? null : String.join(", ", new TreeSet<>(matches));
    }

    private static Map<Pattern, Set<String>> paths() {
        Map<Pattern, Set<String>> read = byPath;
        if (read == null) {
            read = read(resources());
            byPath = read;
        }
        return read;
    }

    /** The application's JAX-RS resources, found among its beans (Quarkus makes every resource class one). */
    private static List<Class<?>> resources() {
        List<Class<?>> resources = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class) && !resources.contains(bean.getBeanClass())) {
                resources.add(bean.getBeanClass());
            }
        }
        return resources;
    }

    private static Map<Pattern, Set<String>> read(List<Class<?>> resources) {
        Map<String, Set<String>> templates = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
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
