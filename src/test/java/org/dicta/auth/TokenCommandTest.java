package org.dicta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's {@code token} command: which roles each kind of token carries. */
class TokenCommandTest {

    @TempDir
    Path keys;

    @Test
    void subscriberTokenCarriesOnlyTheSubscriberRole() throws Exception {
        assertThat(groups(mint("--subject", "newsroom-bot", "--role", "subscriber"))).containsExactly("subscriber");
    }

    @Test
    void adminTokenAlsoEdits() throws Exception {
        assertThat(groups(mint("--subject", "chief", "--role", "admin"))).containsExactly("editor", "admin");
    }

    @Test
    void editorIsTheDefault() throws Exception {
        assertThat(groups(mint("--subject", "layla"))).containsExactly("editor");
    }

    @Test
    void refusesAnUnknownRole() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCommand.run(new String[] {"--subject", "x", "--role", "reader", "--keys", keys.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("editor|admin|subscriber");
    }

    private String mint(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--keys", keys.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TokenCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private static List<String> groups(String token) throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        List<String> groups = new ArrayList<>();
        claims.get("groups").forEach(group -> groups.add(group.asText()));
        return groups;
    }
}
