package org.dicta.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
        absoluteDataDirectory();
        Quarkus.run(args);
    }

    /**
     * Resolves the data directory ({@code DICTA_DATA_DIR} or {@code -Ddicta.data-dir}) against the working directory:
     * H2 refuses a relative file path that does not start with {@code ./}, such as {@code DICTA_DATA_DIR=mydata}.
     */
    private static void absoluteDataDirectory() {
        String dir = System.getProperty("dicta.data-dir", System.getenv("DICTA_DATA_DIR"));
        if (dir != null && !dir.isBlank()) {
            try {
                System.setProperty("dicta.data-dir", Path.of(dir).toAbsolutePath().normalize().toString());
            } catch (InvalidPathException notAPath) {
                // left as given: the start-up then names the setting that is wrong
            }
        }
    }
}
