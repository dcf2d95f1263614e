package dev.ridgeline.app.explorer;

import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.app.export.HeadlessFx;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Space;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javax.management.JMException;
import javax.management.ObjectName;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The window driven for a while with random edits, headless (Monocle): every edit a user can make to the scenario
 * (batch, EP, context, pipeline, FA3, MTP, KV and weight dtype, fidelity, chip, model, a chip field scaled) and a
 * random tab shown in each tab pane now and then, so that every view (results, chip, balance, sensitivity, target;
 * roofline, frontier, map, served) redraws under the edits, its background jobs included (the window's own runner).
 * Counts the exceptions any thread throws (the FX thread's handler and every other thread's), the heap in use once
 * the window is up, after warm-up and at the end (each after full collections), and the edit-to-redrawn time as {@link RedrawBench}
 * measures it.
 */
public final class Soak {
    /** EP degrees of the explorer's space across more than one card. */
    private static final List<Integer> MULTI_CARD_EPS = Space.EXPLORER_EPS.stream().filter(e -> e > 1).toList();
    /**
     * Warm-up before the heap's warm reading (a third of a soak shorter than three minutes). The first reading is
     * taken once the window is up, but before its views have drawn anything or its background jobs (the frontier's
     * sweep, the map, the served view's searches) have kept a result. In a soak of 2026-12-06 (a load of 5 to 6 on two
     * cores) the heap read 77.1 MB at the start, 103.8 MB after 5 s (26 edits) and 107.6 to 112.9 MB from 60 s to
     * 400 s; class histograms over the same span summed to 98.3 to 101.5 MB of live objects, no class growing with
     * the edits. Whether the
     * heap is flat is {@code heapEndMB} against {@code heapWarmMB}; {@code heapStartMB} says what warming up took.
     */
    static final double WARM_UP_SECONDS = 60;

    /** What a soak reports: the heap (MB, after full collections) once the window is up, after warm-up, at the end. */
    public record Result(int edits, int exceptions, double heapStartMB, double heapWarmMB, double heapEndMB,
                         double redrawP95Millis, List<String> firstExceptions) {
    }

    private final ExplorerView view;
    private final TuningRunner runner;
    private final Path histograms;
    private final Catalog catalog;
    private final SplittableRandom random;
    private final double seconds;
    private long endNanos;
    private double heapStart;
    private final AtomicInteger exceptions;
    private final List<String> first;
    private final List<Double> millis = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private double editMillis;
    private long pulseStart;
    private boolean pending;
    private int edits;
    private Stage stage;
    private long warmNanos;
    private boolean warmAsked;
    private double heapWarm;
    private double heapEnd;

    private Soak(ExplorerView view, TuningRunner runner, Catalog catalog, long seed, double seconds,
                 AtomicInteger exceptions, List<String> first, Path histograms) {
        this.view = view;
        this.runner = runner;
        this.histograms = histograms;
        this.catalog = catalog;
        this.random = new SplittableRandom(seed);
        this.seconds = seconds;
        this.exceptions = exceptions;
        this.first = first;
    }

    /**
     * Soaks the window for {@code seconds} with edits drawn from {@code seed}; with {@code histograms} a folder, writes
     * a class histogram of the live heap there at the warm and the end reading ({@code warm.txt}, {@code end.txt}).
     */
    public static Result run(double seconds, long seed, Path histograms) throws Exception {
        if (!(seconds > 0) || seconds > 7 * 24 * 3600) {
            throw new IllegalArgumentException("soak length must be in (0, 1 week], was " + seconds + " s");
        }
        AtomicInteger exceptions = new AtomicInteger();
        List<String> first = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler count = (t, e) -> {
            exceptions.incrementAndGet();
            if (first.size() < 5) {
                first.add(t.getName() + ": " + e);
            }
        };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(count);
        try {
            Soak soak = HeadlessFx.call(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(count);
                Scenario base = Presets.builtInScenario("default");
                TuningRunner runner = TuningRunner.background();
                ExplorerView view = Explorer.headlessView(base, runner);
                Soak s = new Soak(view, runner, Presets.builtIn(), seed, seconds, exceptions, first, histograms);
                s.start();
                return s;
            });
            soak.done.get((long) seconds + 600, TimeUnit.SECONDS);
            double[] sorted = soak.millis.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            double p95 = sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
            return new Result(soak.edits, exceptions.get(), soak.heapStart, soak.heapWarm, soak.heapEnd, p95,
                    List.copyOf(first));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /**
     * Runs {@code reading} on the FX thread once the background jobs asked for so far are done and their results
     * shown (the runner's coordinator takes one job at a time; a results' publication is queued on the FX thread
     * before the reading): a reading with a sweep in flight would count the sweep's working set, which depends on
     * the load and on the moment, not on what the window keeps.
     */
    private void settledThen(Runnable reading) {
        runner.coordinator().execute(() -> Platform.runLater(reading));
    }

    /** {@link #heapMB()}, and the live heap's class histogram written as {@code name.txt} when asked for. */
    private double reading(String name) {
        double mb = heapMB();
        if (histograms != null) {
            try {
                Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
                Files.createDirectories(histograms);
                Files.writeString(histograms.resolve(name + ".txt"), String.valueOf(text));
            } catch (IOException | JMException e) {
                throw new IllegalStateException("class histogram to " + histograms + ": " + e.getMessage(), e);
            }
        }
        return mb;
    }

    /**
     * Heap in use after two full collections, MB. A collection asked for while another thread holds the GC locker (the
     * renderer's software pipeline pins its pixel arrays while it draws) can be skipped, which read 584 MB of a 100 MB
     * heap once, and the young collection the locker starts on its release moves the collectors' counts all the
     * same: a request counts only when the full collector's count moved, and is repeated until two did. (The
     * histograms are then taken of all objects, without a collection of their own that the locker could skip.)
     */
    static double heapMB() {
        long before = fullCollections();
        for (int done = 0, tries = 0; done < 2 && tries < 100; tries++) {
            System.gc();
            long now = fullCollections();
            if (now > before) {
                done++;
                before = now;
            } else {
                sleep(20);
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** Collections of the collector that collects the whole heap (G1's "Old Generation"; every collector if none). */
    private static long fullCollections() {
        long full = 0;
        long all = 0;
        boolean found = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long n = Math.max(0, gc.getCollectionCount());
            all += n;
            String name = gc.getName();
            if (name.contains("Old") || name.contains("MarkSweep")) {
                full += n;
                found = true;
            }
        }
        return found ? full : all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        Scene scene = new Scene(view, 1366, 768);
        scene.addPreLayoutPulseListener(() -> {
            if (pending) {
                pulseStart = System.nanoTime();
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (pending) {
                pending = false;
                millis.add(editMillis + (System.nanoTime() - pulseStart) / 1e6);
                Platform.runLater(this::next);
            }
        });
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        // every view built once (tabs build when first shown): the heap's first reading then holds them all, so
        // that heapEndMB - heapStartMB is what the edits left behind, not views built on the way
        for (TabPane pane : List.of(view.sideTabs(), view.centreTabs())) {
            for (int i = pane.getTabs().size() - 1; i >= 0; i--) {
                pane.getSelectionModel().select(i);
            }
        }
        Platform.runLater(() -> {
            // the clock and the heap's first reading start once the window is up (building it is not the soak)
            heapStart = heapMB();
            long now = System.nanoTime();
            endNanos = now + (long) (seconds * 1e9);
            warmNanos = now + (long) (Math.min(WARM_UP_SECONDS, seconds / 3) * 1e9);
            next();
        });
    }

    private void next() {
        if (!warmAsked && System.nanoTime() >= warmNanos) {
            warmAsked = true;
            long asked = System.nanoTime();
            settledThen(() -> {
                heapWarm = reading("warm");
                // the wait for the jobs and the collections are not editing time: the soak's clock stops meanwhile
                endNanos += System.nanoTime() - asked;
                next();
            });
            return;
        }
        if (System.nanoTime() >= endNanos) {
            // read as the warm reading was, the window still up: a reading after closing it would leave out what the
            // views hold and compare two different things
            settledThen(() -> {
                heapEnd = reading("end");
                stage.close();
                view.dispose();
                done.complete(null);
            });
            return;
        }
        try {
            if (random.nextInt(8) == 0) {
                show(view.sideTabs());
                show(view.centreTabs());
            }
            Scenario s = edit(view.model().getScenario(), random, catalog);
            long t0 = System.nanoTime();
            view.model().setScenario(s);
            editMillis = (System.nanoTime() - t0) / 1e6;
            edits++;
        } catch (RuntimeException e) {
            // an edit the window refuses is not an exception of the window's; anything else is counted
            if (!(e instanceof IllegalArgumentException)) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
        pending = true;
        Platform.requestNextPulse();
    }

    private void show(TabPane tabs) {
        tabs.getSelectionModel().select(random.nextInt(tabs.getTabs().size()));
    }

    /** One random edit, one control at a time, as a user makes them; the model's EP kept within what it allows. */
    static Scenario edit(Scenario s, SplittableRandom random, Catalog catalog) {
        switch (random.nextInt(12)) {
            case 0: return s.withBatch(1 + random.nextInt(256));
            case 1: return s.withEp(Math.min(2 * s.model().routedExperts(), MULTI_CARD_EPS.get(random.nextInt(MULTI_CARD_EPS.size()))));
            case 2: return s.withContext(512 << random.nextInt(8));
            case 3: return s.withPolicy(random.nextBoolean() ? Policy.NAIVE : Policy.DUAL_MICRO_BATCH);
            case 4: return s.withFa3(Fa3Setting.values()[random.nextInt(Fa3Setting.values().length)]);
            case 5: return s.withMtp(s.model().mtpModules() > 0 ? random.nextInt(3) : 0, s.mtpAcceptance());
            case 6: return s.withKvDtype(random.nextBoolean() ? Dtype.FP8 : Dtype.BF16);
            case 7: return s.withWeightDtype(random.nextBoolean() ? Dtype.FP8 : Dtype.BF16);
            case 8: return s.withFidelity(Fidelity.choices().get(random.nextInt(Fidelity.choices().size())));
            case 9: {
                Chip c = catalog.chips().get(random.nextInt(catalog.chips().size()));
                return s.withChip(c);
            }
            case 10: {
                ModelConfig m = catalog.models().get(random.nextInt(catalog.models().size()));
                Scenario neutral = s.withMtp(0, s.mtpAcceptance()).withEp(Math.min(s.ep(), 2 * m.routedExperts()));
                return neutral.withModel(m);
            }
            default: {
                double k = 0.5 + random.nextDouble();
                return s.withChip(s.chip().withHbmBandwidth(s.chip().hbmBandwidthBytesPerSec() * k).asEdited());
            }
        }
    }
}
