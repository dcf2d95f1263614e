package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The cold-start figure of {@code bench}: what the child inherits, and that a fresh window reports its first frame. */
class WindowStartBenchTest {
    @TempDir
    Path home;

    @Test
    void theChildTakesTheLaunchersJvmOptionsButNoAgent() {
        Path child = Path.of("child-home");
        // as the launcher runs it: java ${RIDGELINE_JAVA_OPTS} -cp JAR:LIB Launcher bench
        String[] args = {"-XX:SharedArchiveFile=app.jsa", "-Xss2m", "-javaagent:jacoco.jar", "-cp", "a.jar:lib/*",
            "dev.ridgeline.app.cli.Launcher", "bench"};
        assertEquals(List.of("-XX:SharedArchiveFile=app.jsa", "-Xss2m"), WindowStartBench.jvmOptions(args, child));
        // a training run's archive output or a recording is not written again by every child
        assertEquals(List.of("-Xss2m"), WindowStartBench.jvmOptions(new String[] {"-XX:ArchiveClassesAtExit=t.jsa",
            "-XX:StartFlightRecording=filename=r.jfr", "-Xss2m", "-cp", "a.jar", "dev.ridgeline.app.cli.Launcher"}, child));
        assertEquals(List.of(), WindowStartBench.jvmOptions(new String[] {"dev.ridgeline.app.cli.Launcher", "-x"}, child));
        // a test harness's: java OPTIONS -jar booter.jar
        assertEquals(List.of("-Xmx1g"), WindowStartBench.jvmOptions(new String[] {"-Xmx1g", "-jar", "booter.jar", "x"}, child));
    }

    /**
     * The launcher gives the window and bench compiler directives with the JVM's console output logged in the user
     * folder: the children keep the directives but log in their own folder, not into the file this JVM writes.
     */
    @Test
    void theChildKeepsTheCompilerDirectivesAndLogsInItsOwnFolder() {
        String[] args = {"-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=/r/c2.json", "-XX:-DisplayVMOutput",
            "-XX:+LogVMOutput", "-XX:LogFile=/home/u/.ridgeline/jvm.log", "-cp", "a.jar", "dev.ridgeline.app.cli.Launcher"};
        Path child = Path.of("/tmp/child-home");
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=/r/c2.json",
                "-XX:-DisplayVMOutput", "-XX:+LogVMOutput", "-XX:LogFile=" + child.resolve("jvm.log")),
                WindowStartBench.jvmOptions(args, child));
    }

    /** Not a timing assertion: the fresh process gets as far as a drawn first result and says so with its CPU time. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFreshWindowReportsItsFirstDrawnFrame() throws Exception {
        assertTrue(WindowStartBench.available());
        double[] wallAndCpu = WindowStartBench.oneStart(home);
        assertTrue(wallAndCpu[0] > 0 && Double.isFinite(wallAndCpu[0]), "wall " + wallAndCpu[0]);
        assertTrue(wallAndCpu[1] > 0 && Double.isFinite(wallAndCpu[1]), "CPU " + wallAndCpu[1]);
    }
}
