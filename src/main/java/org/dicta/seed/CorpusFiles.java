package org.dicta.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Where the files of a corpus ({@code annotations.yaml} and the documents it names) are read from: a directory on disk,
 * or the curated corpus packaged in the application.
 */
public sealed interface CorpusFiles permits CorpusFiles.Directory, CorpusFiles.Packaged {

    /**
     * The class-path folder holding the curated corpus: the build copies the repository's top-level {@code seeds/} there
     * byte for byte (see the pom's resources), so that the jar carries it wherever it is started.
     */
    String PACKAGED_FOLDER = "seeds";

    /** The corpus in this directory. */
    static CorpusFiles directory(Path dir) {
        return new Directory(dir.toAbsolutePath().normalize());
    }

    /** The curated corpus packaged in the application (the repository's {@code seeds/}). */
    static CorpusFiles packaged() {
        return new Packaged(PACKAGED_FOLDER, CorpusFiles.class.getClassLoader());
    }

    /**
     * The bytes of the file of this name, exactly as stored.
     *
     * @throws NoSuchFileException when the corpus has no such file
     * @throws IOException when it cannot be read
     */
    byte[] read(String name) throws IOException;

    /**
     * The file of this name as a stream, for files too large to hold (a corpus's annotations).
     *
     * @throws NoSuchFileException when the corpus has no such file
     * @throws IOException when it cannot be opened
     */
    InputStream open(String name) throws IOException;

    /** Whether the name stays within the corpus: a corpus may name only its own files, not {@code ../..} or absolute ones. */
    boolean within(String name);

    /** Where the corpus is, as messages name it: a directory's absolute path, or {@code classpath:seeds}. */
    String location();

    /** Where the file of this name is, as messages name it. */
    String location(String name);

    /** A corpus directory on disk: an editor's, an unpacked import, or the one {@code dicta.seed.dir} names. */
    record Directory(Path dir) implements CorpusFiles {

        @Override
        public byte[] read(String name) throws IOException {
            return Files.readAllBytes(dir.resolve(name));
        }

        @Override
        public InputStream open(String name) throws IOException {
            return Files.newInputStream(dir.resolve(name));
        }

        @Override
        public boolean within(String name) {
            try {
                return dir.resolve(name).normalize().startsWith(dir);
            } catch (InvalidPathException notAFileName) {
                return false;
            }
        }

        @Override
        public String location() {
            return dir.toString();
        }

        @Override
        public String location(String name) {
            return dir.resolve(name).toString();
        }
    }

    /** A corpus in a folder of the application's class path, read with the class loader that loaded the application. */
    record Packaged(String folder, ClassLoader loader) implements CorpusFiles {

        private static final String SCHEME = "classpath:";

        @Override
        public byte[] read(String name) throws IOException {
            try (InputStream in = open(name)) {
                return in.readAllBytes();
            }
        }

        @Override
        public InputStream open(String name) throws IOException {
            InputStream in = loader.getResourceAsStream(resource(name));
            if (in == null) {
                throw new NoSuchFileException(location(name));
            }
            return in;
        }

        @Override
        public boolean within(String name) {
            try {
                Path relative = Path.of(name).normalize();
                return !relative.isAbsolute() && !relative.startsWith("..") && !relative.toString().isEmpty();
            } catch (InvalidPathException notAFileName) {
                return false;
            }
        }

        @Override
        public String location() {
            return SCHEME + folder;
        }

        @Override
        public String location(String name) {
            return SCHEME + resource(name);
        }

        /** The resource's name: the folder and the file's normalised path, separated by '/' as class paths are. */
        private String resource(String name) {
            return folder + "/" + StreamSupport.stream(Path.of(name).normalize().spliterator(), false)
                    .map(Path::toString).collect(Collectors.joining("/"));
        }
    }
}
