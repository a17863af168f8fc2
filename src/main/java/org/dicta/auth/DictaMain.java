package org.dicta.auth;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/** Entry point: runs the API, or with {@code token ...} mints an editor's token and exits (see {@link TokenCommand}). */
@QuarkusMain
public final class DictaMain {

    private DictaMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
