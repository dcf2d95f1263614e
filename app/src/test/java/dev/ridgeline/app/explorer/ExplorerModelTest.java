package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The scenario -> evaluation model without a window: same-thread and hand-driven executors. */
class ExplorerModelTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");

    /** Queues tasks so a test decides when, and in which order, they run. */
    private static final class QueuedExecutor implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runNewestFirst() {
            while (!tasks.isEmpty()) {
                tasks.pollLast().run();
            }
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void sameThreadModelEvaluatesEachEditAtOnce() {
        ExplorerModel model = ExplorerModel.sameThread(DEFAULT);
        assertEquals(128, model.getEvaluation().scenario().batchPerCard());
        model.setScenario(DEFAULT.withBatch(64));
        assertEquals(64, model.getEvaluation().scenario().batchPerCard());
        assertSame(model.getEvaluation(), model.getDrawn());
        assertEquals("", model.staleReasonProperty().get());
    }

    @Test
    void oneEditPublishesOneEvaluation() {
        ExplorerModel model = ExplorerModel.sameThread(DEFAULT);
        List<Evaluation> seen = new ArrayList<>();
        model.evaluationProperty().addListener((obs, old, now) -> seen.add(now));
        model.setScenario(DEFAULT.withEp(320));
        assertEquals(1, seen.size());
        assertEquals(320, seen.get(0).scenario().ep());
    }

    @Test
    void resultIsPublishedOnlyThroughThePublisher() {
        QueuedExecutor publisher = new QueuedExecutor();
        ExplorerModel model = new ExplorerModel(dev.ridgeline.app.Engines.builtIn(), DEFAULT, Runnable::run, publisher);
        assertNull(model.getEvaluation());
        publisher.runAll();
        assertEquals(DEFAULT, model.getEvaluation().scenario());
    }

    @Test
    void staleResultNeverOverwritesANewerOne() {
        QueuedExecutor publisher = new QueuedExecutor();
        ExplorerModel model = new ExplorerModel(dev.ridgeline.app.Engines.builtIn(), DEFAULT, Runnable::run, publisher);
        model.setScenario(DEFAULT.withBatch(32));
        model.setScenario(DEFAULT.withBatch(96));
        publisher.runNewestFirst(); // the B96 result arrives first, then B32, then the initial one
        assertEquals(96, model.getEvaluation().scenario().batchPerCard());
        assertEquals(96, model.getDrawn().scenario().batchPerCard());
    }

    @Test
    void workerSkipsRequestsThatANewerOneReplaced() {
        QueuedExecutor worker = new QueuedExecutor();
        List<Evaluation> seen = new ArrayList<>();
        ExplorerModel model = new ExplorerModel(dev.ridgeline.app.Engines.builtIn(), DEFAULT, worker, Runnable::run);
        model.evaluationProperty().addListener((obs, old, now) -> seen.add(now));
        model.setScenario(DEFAULT.withBatch(16));
        model.setScenario(DEFAULT.withBatch(48));
        worker.runAll();
        assertEquals(1, seen.size());
        assertEquals(48, seen.get(0).scenario().batchPerCard());
    }

    @Test
    void outOfMemoryBatchKeepsTheChartsOnTheLastFitAndSaysWhy() {
        Scenario l20 = DEFAULT.withChip(Presets.builtIn().chip("L20")).withKvDtype(Dtype.BF16);
        ExplorerModel model = ExplorerModel.sameThread(l20.withBatch(8));
        Evaluation fitting = model.getDrawn();
        assertTrue(fitting.fit().fits());
        model.setScenario(l20.withBatch(1000));
        assertTrue(model.getEvaluation().fit() instanceof Fit.OutOfMemory);
        assertSame(fitting, model.getDrawn());
        String why = model.staleReasonProperty().get();
        assertTrue(why.contains("B8") && why.contains("1000"), why);
        model.setScenario(l20.withBatch(4));
        assertEquals("", model.staleReasonProperty().get());
        assertFalse(model.getDrawn() == fitting);
    }

    @Test
    void outOfMemoryFirstScenarioIsDrawnAndSaysItDoesNotFit() {
        Scenario oom = DEFAULT.withChip(Presets.builtIn().chip("L20")).withKvDtype(Dtype.BF16).withBatch(1000);
        ExplorerModel model = ExplorerModel.sameThread(oom);
        assertSame(model.getEvaluation(), model.getDrawn());
        assertTrue(model.staleReasonProperty().get().startsWith("Batch 1000 does not fit"), model.staleReasonProperty().get());
    }

    @Test
    void aResultComputedBeforehandIsShownFromConstructionAndTheEngineRunsForEditsOnly() {
        QueuedExecutor worker = new QueuedExecutor();
        QueuedExecutor publisher = new QueuedExecutor();
        dev.ridgeline.engine.Engine engine = dev.ridgeline.app.Engines.builtIn();
        ExplorerModel.Evaluated first = ExplorerModel.Evaluated.of(engine, DEFAULT);
        ExplorerModel model = ExplorerModel.awaitingEngine(DEFAULT, worker, publisher);
        model.start(engine, first);
        assertSame(first.evaluation(), model.getEvaluation());
        assertSame(first.evaluation(), model.getDrawn());
        assertSame(first.bands(), model.getBands());
        assertTrue(worker.tasks.isEmpty() && publisher.tasks.isEmpty(), "the initial scenario is not evaluated again");
        assertFalse(model.canUndoProperty().get());
        model.setScenario(DEFAULT.withBatch(64));
        assertEquals(1, worker.tasks.size());
        worker.runAll();
        publisher.runAll();
        assertEquals(64, model.getEvaluation().scenario().batchPerCard());
    }

    @Test
    void aResultOfAnotherScenarioIsRefused() {
        dev.ridgeline.engine.Engine engine = dev.ridgeline.app.Engines.builtIn();
        ExplorerModel.Evaluated other = ExplorerModel.Evaluated.of(engine, DEFAULT.withBatch(64));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExplorerModel.awaitingEngine(DEFAULT, Runnable::run, Runnable::run).start(engine, other));
    }

    @Test
    void aModelAwaitingItsEngineShowsNothingUntilStartedThenItsFirstResult() {
        QueuedExecutor worker = new QueuedExecutor();
        QueuedExecutor publisher = new QueuedExecutor();
        ExplorerModel model = ExplorerModel.awaitingEngine(DEFAULT, worker, publisher);
        assertSame(DEFAULT, model.getScenario());
        assertNull(model.getEvaluation());
        assertNull(model.getDrawn());
        assertTrue(worker.tasks.isEmpty(), "nothing to evaluate with");
        dev.ridgeline.engine.Engine engine = dev.ridgeline.app.Engines.builtIn();
        ExplorerModel.Evaluated first = ExplorerModel.Evaluated.of(engine, DEFAULT);
        model.start(engine, first);
        assertSame(first.evaluation(), model.getEvaluation(), "published at once, not through the publisher");
        assertSame(first.evaluation(), model.getDrawn());
        assertSame(first.bands(), model.getBands());
        assertTrue(worker.tasks.isEmpty() && publisher.tasks.isEmpty(), "the initial scenario is not evaluated again");
        model.setScenario(DEFAULT.withBatch(64));
        worker.runAll();
        publisher.runAll();
        assertEquals(64, model.getEvaluation().scenario().batchPerCard());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> model.start(engine, null));
    }

    @Test
    void anEditBeforeTheEngineIsThereIsEvaluatedWhenItArrivesNotTheStaleFirstResult() {
        ExplorerModel model = ExplorerModel.awaitingEngine(DEFAULT, Runnable::run, Runnable::run);
        model.setScenario(DEFAULT.withBatch(48));
        assertNull(model.getEvaluation());
        assertTrue(model.canUndoProperty().get(), "the edit is in the history");
        dev.ridgeline.engine.Engine engine = dev.ridgeline.app.Engines.builtIn();
        model.start(engine, ExplorerModel.Evaluated.of(engine, DEFAULT));
        assertEquals(48, model.getEvaluation().scenario().batchPerCard());
    }

    @Test
    void withoutAFirstResultTheStartedEngineEvaluatesTheScenarioOnTheWorker() {
        QueuedExecutor worker = new QueuedExecutor();
        ExplorerModel model = ExplorerModel.awaitingEngine(DEFAULT, worker, Runnable::run);
        model.start(dev.ridgeline.app.Engines.builtIn(), null);
        assertNull(model.getEvaluation());
        assertEquals(1, worker.tasks.size());
        worker.runAll();
        assertEquals(DEFAULT, model.getEvaluation().scenario());
        assertSame(model.getEvaluation(), model.getDrawn());
    }
}
