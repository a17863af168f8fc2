package org.dicta.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import org.dicta.auth.TokenCommand;
import org.dicta.seed.CorpusGenerator;

/**
 * Entry point: runs the API; or with {@code token ...} mints an editor's token and exits (see {@link TokenCommand});
 * or with {@code corpus ...} writes a synthetic corpus for load tests and exits (see {@link CorpusGenerator}).
 */
@QuarkusMain
public final class DictaMain {

    private DictaMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("corpus")) {
            System.exit(CorpusGenerator.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
