package dev.ridgeline.app.explorer.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The frontier's background model without a window: same-thread and hand-driven executors. */
class FrontierModelTest {
    private static final Scenario H800 = Presets.builtInScenario("default");
    private static final Scenario A100 = H800.withChip(Presets.builtIn().chip("A100"));
    private static final Scenario L20 = H800.withChip(Presets.builtIn().chip("L20"));
    private final Engine engine = Engines.builtIn();

    /** Queues tasks so a test decides when, and in which order, they run. */
    private static final class Queued implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private FrontierModel sameThread(Scenario s) {
        FrontierModel m = new FrontierModel(engine, TuningRunner.callingThread());
        m.setScenario(s);
        m.activeProperty().set(true);
        return m;
    }

    @Test
    void nothingIsSweptWhileTheViewIsHidden() {
        Queued coordinator = new Queued();
        FrontierModel m = new FrontierModel(engine, new TuningRunner(coordinator, Runnable::run, 1, Runnable::run));
        m.setScenario(H800);
        m.setScenario(A100);
        assertTrue(coordinator.tasks.isEmpty());
        m.activeProperty().set(true);
        assertEquals(1, coordinator.tasks.size(), "one sweep, of the newest scenario");
        coordinator.runAll();
        assertEquals("A100", m.getResult().space().configurations().get(0).chip().name());
    }

    @Test
    void deploymentEditsMoveNothingAChipEditSweepsAgain() {
        FrontierModel m = sameThread(H800);
        Frontier.Result r = m.getResult();
        m.setScenario(H800.withBatch(17).withEp(320).withPolicy(Policy.NAIVE).withKvDtype(Dtype.FP8)
                .withWeightDtype(Dtype.FP8).withMtp(2, H800.mtpAcceptance()).withPromotion(true));
        assertSame(r, m.getResult(), "the space varies all of these: the same frontier");
        m.setScenario(A100);
        assertEquals("A100", m.getResult().space().configurations().get(0).chip().name());
        m.setScenario(A100.withContext(8192));
        assertEquals(8192, m.getResult().space().configurations().get(0).contextTokens(), "context moves the frontier");
    }

    /**
     * A chip edit of a rate keeps the chip's shape: the model takes the space from the frontier shown with the chip
     * swapped in ({@link Space#explorerForDrawing(Scenario, Space)}); every deployment, the frontier and the answer are
     * those of the space built anew.
     */
    @Test
    void aChipRateEditGivesTheFrontierComputedAnew() {
        FrontierModel m = sameThread(H800);
        Scenario faster = H800.withChip(H800.chip().withHbmBandwidth(H800.chip().hbmBandwidthBytesPerSec() * 1.37));
        m.setScenario(faster);
        Frontier.Result anew = Frontier.compute(engine, Space.explorerForDrawing(FrontierData.key(faster)), 20);
        assertEquals(anew.space().configurations(), m.getResult().space().configurations());
        assertEquals(anew.points(), m.getResult().points());
        assertEquals(anew.frontier(), m.getResult().frontier());
        assertEquals(anew.answer(), m.getResult().answer());
    }

    @Test
    void theNewestRequestWinsWhateverOrderTheWorkRunsIn() {
        Queued coordinator = new Queued();
        Queued publisher = new Queued();
        FrontierModel m = new FrontierModel(engine, new TuningRunner(coordinator, Runnable::run, 1, publisher));
        m.activeProperty().set(true);
        m.setScenario(A100);
        m.setScenario(L20);
        Runnable older = coordinator.tasks.poll();
        coordinator.runAll(); // L20's sweep first
        older.run();          // then A100's: stale, it sweeps nothing
        publisher.runAll();
        assertEquals("L20", m.getResult().space().configurations().get(0).chip().name());
        assertTrue(!m.runningProperty().get());
    }

    @Test
    void aNewTargetSolvesTheAnswerAgainOnTheSameSweep() {
        FrontierModel m = sameThread(H800);
        Frontier.Result at20 = m.getResult();
        m.targetProperty().set(15);
        Frontier.Result at15 = m.getResult();
        assertSame(at20.points(), at15.points());
        Headline.Answer expected = Headline.best(engine, Space.explorer(H800), 15);
        assertEquals(expected.deployment(), at15.answer().deployment());
        assertEquals(expected.throughputPerCard(), at15.answer().throughputPerCard(), 0.0);
    }

    @Test
    void aCancelledSweepLeavesTheLastFrontierAndTheNextEditSweepsAgain() {
        Queued coordinator = new Queued();
        FrontierModel m = new FrontierModel(engine, new TuningRunner(coordinator, Runnable::run, 1, Runnable::run));
        m.activeProperty().set(true);
        m.setScenario(H800);
        coordinator.runAll();
        Frontier.Result h800 = m.getResult();
        m.setScenario(A100);
        m.cancel();
        coordinator.runAll();
        assertSame(h800, m.getResult());
        assertEquals("Cancelled; the frontier shown is the previous one.", m.statusProperty().get());
        m.setScenario(A100.withBatch(8)); // same frontier as the cancelled request: asked for again
        coordinator.runAll();
        assertEquals("A100", m.getResult().space().configurations().get(0).chip().name());
    }

    @Test
    void pinnedAGetsItsOwnFrontierAndUnpinningDropsIt() {
        FrontierModel m = sameThread(A100);
        m.setPinned(H800);
        assertEquals("H800", m.ghostProperty().get().space().configurations().get(0).chip().name());
        assertEquals(Frontier.compute(engine, Space.explorerForDrawing(H800), 20).frontier(), m.ghostProperty().get().frontier());
        m.setPinned(null);
        assertNull(m.ghostProperty().get());
    }
}
