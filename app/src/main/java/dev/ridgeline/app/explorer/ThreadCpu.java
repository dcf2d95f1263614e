package dev.ridgeline.app.explorer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a bench edit's CPU time went, for the benches of background work: the CPU time of the process's Java threads
 * by role between two {@link #snapshot snapshots} (the FX thread, the window's engine thread, the bench's coordinator
 * and its workers, JavaFX's renderer), the rest of the process (garbage collection, the JIT compilers, the VM's own threads), and the
 * collectors' pause time (their {@code getCollectionTime}, ms) and the JIT compilers' time (ms: on two cores the
 * optimising compiler competes with the sweep for a core long after the bench's warm-up). A role is told by the thread's name: the bench names
 * its coordinator {@code name} and its workers {@code name-1}, {@code name-2}, ... ({@link BenchWindow}), and its
 * engine thread as the window does ({@link ExplorerApp#ENGINE_THREAD}).
 */
final class ThreadCpu {
    /** The roles, in the order of {@link #since}'s result. */
    static final List<String> ROLES = List.of("fx", "engine", "coordinator", "workers", "renderer", "other");
    static final int FX = 0;
    static final int ENGINE = 1;
    static final int COORDINATOR = 2;
    static final int WORKERS = 3;
    static final int RENDERER = 4;
    static final int OTHER = 5;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final String name;

    /** @param name the bench's coordinator's thread name (its workers' start with it and a dash) */
    ThreadCpu(String name) {
        this.name = name;
    }

    /**
     * The CPU time of each live thread (ns, by id), the process's, the collectors' total pause time and the JIT
     * compilers' total time (ms; 0 where the JVM does not measure it).
     */
    record Snapshot(Map<Long, Long> cpuNanos, Map<Long, Integer> role, long processNanos, long gcMillis,
                    long jitMillis) {
    }

    Snapshot snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        ThreadInfo[] info = threads.getThreadInfo(ids);
        Map<Long, Long> byId = new HashMap<>();
        Map<Long, Integer> role = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (info[i] != null && cpu[i] >= 0) {
                byId.put(ids[i], cpu[i]);
                role.put(ids[i], role(info[i].getThreadName()));
            }
        }
        long gc = 0;
        for (GarbageCollectorMXBean c : collectors) {
            gc += Math.max(0, c.getCollectionTime());
        }
        long jit = ManagementFactory.getCompilationMXBean() != null
                && ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()
                ? ManagementFactory.getCompilationMXBean().getTotalCompilationTime() : 0;
        return new Snapshot(byId, role, os.getProcessCpuTime(), gc, jit);
    }

    private int role(String thread) {
        if (thread.equals("JavaFX Application Thread")) {
            return FX;
        }
        if (thread.equals(ExplorerApp.ENGINE_THREAD)) {
            return ENGINE;
        }
        if (thread.equals(name)) {
            return COORDINATOR;
        }
        if (thread.startsWith(name + "-")) {
            return WORKERS;
        }
        return thread.startsWith("QuantumRenderer") ? RENDERER : OTHER;
    }

    /**
     * CPU time (ms) of each role of {@link #ROLES} from {@code before} to {@code after}; {@code other} is the process's
     * less every role's Java threads (a thread started between the two counts from zero). Process CPU time may be
     * coarser than a thread's, so {@code other} is clamped at zero.
     */
    static double[] since(Snapshot before, Snapshot after) {
        double[] out = new double[ROLES.size()];
        double javaThreads = 0;
        for (Map.Entry<Long, Long> e : after.cpuNanos().entrySet()) {
            long delta = e.getValue() - before.cpuNanos().getOrDefault(e.getKey(), 0L);
            int role = after.role().get(e.getKey());
            javaThreads += delta;
            if (role != OTHER) {
                out[role] += delta / 1e6;
            }
        }
        double process = after.processNanos() - before.processNanos();
        double otherJava = javaThreads / 1e6;
        for (int r = 0; r < OTHER; r++) {
            otherJava -= out[r];
        }
        out[OTHER] = Math.max(0, (process - javaThreads) / 1e6) + otherJava;
        return out;
    }
}
