package org.dicta.finder;

import static org.junit.jupiter.api.Assertions.assertAll;

import java.nio.file.Path;
import org.dicta.seed.CorpusLoader;
import org.junit.jupiter.api.Test;

/**
 * The finder and the grouper against the hand-annotated development set of real reports (the corpus format of
 * {@code seeds/}), with the targets for reports the finder was not written against (lower than the seeds').
 *
 * <p>Speaker accuracy is meant over the variants whose speaker is in the catalogue; {@link CorpusLoader} refuses a
 * quote whose speaker the corpus does not declare, so that is every variant, and the plain figure is used.
 */
class DevSetEvaluationTest {

    private static final Path DEV_SET = Path.of("src/test/resources/finder/dev");

    @Test
    void theFinderMeetsItsTargetsOnTheDevelopmentSet() {
        FinderEvaluation.Result result = FinderEvaluation.evaluate(CorpusLoader.load(DEV_SET));
        System.out.println("Statement finder on " + DEV_SET + ":\n" + result.table() + "\n" + result.diagnosis());

        assertAll("the finder's targets on " + DEV_SET,
                result.recallAtLeast(0.85),
                result.precisionAtLeast(0.6),
                result.speakerAccuracyAtLeast(0.85),
                result.modeAccuracyAtLeast(0.85),
                result.groupingF1AtLeast(0.6));
    }
}
