package org.dicta.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where webhooks may go: public https targets only, checked after resolution; the allow flag for tests and intranets. */
class TargetPolicyTest {

    /** A resolver that knows a few names, as DNS would answer them (one is rebound to an inside address). */
    private static final TargetPolicy.Resolver DNS = host -> {
        Map<String, List<String>> records = Map.of(
                "hooks.newsroom.example", List.of("93.184.215.14"),
                "inside.newsroom.example", List.of("10.1.2.3"),
                "mixed.newsroom.example", List.of("93.184.215.14", "127.0.0.1"),
                "v6.newsroom.example", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
                "localhost", List.of("127.0.0.1", "::1"));
        List<String> found = records.get(host);
        if (found == null) {
            if (Character.isDigit(host.charAt(0)) || host.startsWith("[") || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        return found.stream().map(address -> {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    };

    private final TargetPolicy strict = new TargetPolicy(false, DNS);
    private final TargetPolicy intranet = new TargetPolicy(true, DNS);

    @Test
    void acceptsHttpsToPublicAddresses() throws Exception {
        assertThat(strict.check("https://hooks.newsroom.example/dicta").getHost()).isEqualTo("hooks.newsroom.example");
        assertThat(strict.check("https://v6.newsroom.example:8443/dicta?x=1").getPort()).isEqualTo(8443);
        assertThat(strict.check("https://93.184.215.14/dicta")).isNotNull();
    }

    @Test
    void refusesEveryAddressThatIsNotPublic() {
        for (String address : List.of("0.0.0.0", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.1.2.3",
                "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1",
                "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
                "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
                "64:ff9b::a00:1", "64:ff9b:1::5db8:d70e", "2002:7f00:1::", "2002:a00:1::", "fc00::1", "fd12:3456::1",
                "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "2001::1", "100::1")) {
            assertThat(TargetPolicy.isPublic(parse(address))).as(address).isFalse();
            String host = address.contains(":") ? "[" + address + "]" : address;
            assertThatThrownBy(() -> strict.check("https://" + host + "/hook")).as(address)
                    .isInstanceOf(TargetPolicy.UnsafeTargetException.class)
                    .hasMessageContaining("not a public address");
        }
    }

    @Test
    void knowsPublicAddressesNextToTheRefusedRanges() {
        for (String address : List.of("93.184.215.14", "100.128.0.1", "172.32.0.1", "192.169.0.1", "198.20.0.1",
                "223.255.255.255", "11.0.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::ffff:93.184.215.14",
                "64:ff9b::5db8:d70e", "2002:5db8:d70e::1")) {
            assertThat(TargetPolicy.isPublic(parse(address))).as(address).isTrue();
        }
    }

    @Test
    void checksEveryAddressTheHostResolvesTo() {
        assertThatThrownBy(() -> strict.check("https://inside.newsroom.example/hook")).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> strict.check("https://mixed.newsroom.example/hook")).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> strict.check("https://localhost:8443/hook")).hasMessageContaining("not a public address");
    }

    @Test
    void refusesOtherSchemesCredentialsAndHostlessUrls() {
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.check("ftp://hooks.newsroom.example/x")).hasMessageContaining("not 'ftp:'");
        assertThatThrownBy(() -> strict.check("http://hooks.newsroom.example/x")).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.check("gopher://hooks.newsroom.example/x")).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.check("https://user:secret@hooks.newsroom.example/x"))
                .hasMessageContaining("user name or password");
        assertThatThrownBy(() -> strict.check("/relative/hook")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> strict.check("https:///hook")).isInstanceOf(TargetPolicy.UnsafeTargetException.class);
        assertThatThrownBy(() -> strict.check("https://hooks.newsroom.example/x#frag")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> strict.check("https://exa mple.com/")).hasMessageContaining("not a valid URL");
    }

    @Test
    void saysWhatToDoWhenTheHostDoesNotResolve() {
        assertThatThrownBy(() -> strict.check("https://hooks.newsroom.invalid/x"))
                .hasMessageContaining("does not resolve").hasMessageContaining("DNS record");
    }

    @Test
    void theAllowFlagLetsPrivateAddressesInAndPlainHttpToThemOnly() throws Exception {
        assertThat(intranet.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(intranet.check("https://inside.newsroom.example/hook")).isNotNull();
        assertThat(intranet.check("http://localhost/hook")).isNotNull();
        assertThatThrownBy(() -> intranet.check("http://hooks.newsroom.example/x")).hasMessageContaining("https");
        assertThatThrownBy(() -> intranet.check("ftp://127.0.0.1/x")).hasMessageContaining("not 'ftp:'");
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
