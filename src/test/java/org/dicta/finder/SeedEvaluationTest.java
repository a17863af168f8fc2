package org.dicta.finder;

import static org.junit.jupiter.api.Assertions.assertAll;

import java.nio.file.Path;
import org.dicta.seed.CorpusLoader;
import org.junit.jupiter.api.Test;

/**
 * The finder and the grouper against the curated seed corpus ({@code seeds/}), with the targets it is tuned to. The
 * table and the diagnosis go to standard output; see {@link FinderEvaluation} for what each figure means.
 */
class SeedEvaluationTest {

    private static final Path SEEDS = Path.of("seeds");

    @Test
    void theFinderMeetsItsTargetsOnTheSeedCorpus() {
        FinderEvaluation.Result result = FinderEvaluation.evaluate(CorpusLoader.load(SEEDS));
        System.out.println("Statement finder on " + SEEDS + ":\n" + result.table() + "\n" + result.diagnosis());

        assertAll("the finder's targets on " + SEEDS,
                result.recallAtLeast(0.95),
                result.precisionAtLeast(0.8),
                result.speakerAccuracyAtLeast(0.95),
                result.modeAccuracyAtLeast(0.9),
                result.groupingF1AtLeast(0.9));
    }
}
