package org.dicta.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Gives every component schema an example, composed from the examples its properties declare (through {@code $ref},
 * {@code allOf} and arrays of one item), so that a resource's example is built from the same seed-corpus values as its
 * fields and follows the schema as it changes. An object's example holds its required properties, and its optional
 * ones that declare an example or are lists; an enum's is its first value. A schema that declares its own keeps it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SchemaExamples implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";
    /** For the java.time schemas, which carry no annotations of their own. */
    private static final Map<String, Object> FORMAT_EXAMPLES = Map.of("date", "2023-03-13", "date-time", "2023-03-13T18:30:00Z");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            Object example = example(schema, schemas, new HashSet<>(Set.of(name)));
            if (example != null) {
                schema.setExample(example);
            }
        });
    }

    /** Annotations give {@code examples} (OpenAPI 3.1), which the 3.0 document writes as {@code example}. */
    private static Object declared(Schema schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        return schema.getExamples() == null || schema.getExamples().isEmpty() ? null : schema.getExamples().get(0);
    }

    /** The schema's example, or one composed from its parts; null when there is none (the contract test reports it). */
    private static Object example(Schema schema, Map<String, Schema> schemas, Set<String> visiting) {
        if (declared(schema) != null) {
            return declared(schema);
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(COMPONENTS.length());
            if (!visiting.add(name)) {
                return null; // a cycle has no finite example
            }
            Object example = example(schemas.get(name), schemas, visiting);
            visiting.remove(name);
            return example;
        }
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return example(schema.getAllOf().get(0), schemas, visiting);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getFormat() != null && FORMAT_EXAMPLES.containsKey(schema.getFormat())) {
            return FORMAT_EXAMPLES.get(schema.getFormat());
        }
        if (schema.getItems() != null) {
            Object item = example(schema.getItems(), schemas, visiting);
            return item == null ? null : List.of(item);
        }
        if (schema.getProperties() == null) {
            return null;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Object> object = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || declared(property) != null || property.getItems() != null) {
                Object value = example(property, schemas, visiting);
                if (value != null) {
                    object.put(name, value);
                }
            }
        });
        return object;
    }
}
