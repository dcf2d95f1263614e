package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.CleanRunTest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ridgeline} script as users run it, for commands that end at once: what JVM options each path gets, and
 * that the user sees nothing of them. The script runs from a copy of the project's layout in a temporary folder (the
 * script itself, the shipped compiler directives, a jar whose manifest names this build's class path, an archive
 * training marked as failed so that none starts, everything older than the jar so that nothing is built), without a
 * display: the window's path then ends in its one-line refusal, after the JVM has started with the window's options.
 */
@EnabledOnOs(OS.LINUX)
class LauncherScriptTest {
    static final Path SCRIPT = Path.of("..", "ridgeline");
    static final Path DIRECTIVES = Path.of("src", "main", "jvm", "c2-directives.json");
    /** What HotSpot prints, on its console output, once it has read the directives file. */
    static final String DIRECTIVES_ADDED = "2 compiler directives added";
    /** One of C2's thresholds the script triples for the window and bench (JDK 17's default: 5000). */
    static final String TIER4 = "-XX:Tier4InvocationThreshold=15000";

    @TempDir
    Path dir;
    Path root;
    Path home;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void layout() throws IOException {
        root = dir.resolve("ridgeline");
        home = dir.resolve("home");
        Path target = Files.createDirectories(root.resolve("app/target"));
        Files.createDirectories(target.resolve("lib"));
        Files.copy(SCRIPT, root.resolve("ridgeline"));
        assertTrue(root.resolve("ridgeline").toFile().setExecutable(true));
        Path directives = root.resolve("app").resolve(DIRECTIVES);
        Files.createDirectories(directives.getParent());
        Files.copy(DIRECTIVES, directives);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        StringBuilder classPath = new StringBuilder();
        for (String entry : CleanRunTest.runtimeClassPath().split(File.pathSeparator)) {
            classPath.append(Path.of(entry).toUri()).append(' '); // a folder's URI ends in '/', as the manifest needs
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        Path jar = target.resolve("ridgeline-app.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        Path failed = target.resolve("ridgeline.jsa.failed");
        Files.createFile(failed);
        long now = System.currentTimeMillis();
        // sources older than the jar (nothing to build), the failed training newer than the jars (none tried again)
        Files.setLastModifiedTime(directives, FileTime.fromMillis(now - 7_200_000));
        Files.setLastModifiedTime(target.resolve("lib"), FileTime.fromMillis(now - 3_600_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 3_600_000));
        Files.setLastModifiedTime(failed, FileTime.fromMillis(now));
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("ridgeline").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("RIDGELINE_JAVA_OPTS");
        pb.environment().put("RIDGELINE_HOME", home.toString());
        // the script runs the java on the PATH: this JVM's
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("ridgeline " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private String vmLog() throws IOException {
        Path log = home.resolve("jvm.log");
        assertTrue(Files.exists(log), log + " missing: the JVM was not given its log");
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    private static void assertWindowRefusal(Run run) {
        assertEquals(2, run.exit(), run.err());
        assertEquals("", run.out(), "nothing on stdout");
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("ridgeline: no display"), run.err());
    }

    @Test
    void theWindowGetsTheCompilerDirectivesAndPrintsNothingOfThem() throws Exception {
        Run run = run();
        assertWindowRefusal(run);
        String log = vmLog();
        assertTrue(log.contains(DIRECTIVES_ADDED), log);
        assertTrue(log.contains("-XX:CompilerDirectivesFile=" + root.resolve("app").resolve(DIRECTIVES)), log);
        assertTrue(log.contains(TIER4), "C2's thresholds tripled: " + log);
    }

    /**
     * The class-data archive holds the class path it was made with, and the JVM refuses it in silence under any other:
     * a clone moved or renamed started without it every time ("A jar file is not the one used while building the shared
     * archive file", with -Xlog:cds; a built clone moved to another folder cold-started in 2.2-2.4 s of wall and 3.8-4.1 s
     * of CPU where it had taken 1.25-1.53 and 2.2-2.7 s in place). The script passes it only beside the jar's path it
     * was trained for. The
     * archive here is a stand-in (a file the JVM cannot map, which it ignores); its options show in the VM's log.
     */
    @Test
    void theArchiveIsGivenOnlyBesideTheJarItWasMadeFor() throws Exception {
        Path target = root.resolve("app/target");
        Path archive = target.resolve("ridgeline.jsa");
        Files.writeString(archive, "a stand-in for the archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        Path madeFor = target.resolve("ridgeline.jsa.path");
        Files.writeString(madeFor, target.resolve("ridgeline-app.jar") + "\n");
        assertWindowRefusal(run());
        assertTrue(vmLog().contains("-XX:SharedArchiveFile=" + archive), "made for this jar: " + vmLog());
        Files.writeString(madeFor, "/elsewhere/ridgeline/app/target/ridgeline-app.jar\n");
        assertWindowRefusal(run());
        assertFalse(vmLog().contains("SharedArchiveFile"), "made for a jar elsewhere: " + vmLog());
        Files.delete(madeFor);
        assertWindowRefusal(run());
        assertFalse(vmLog().contains("SharedArchiveFile"), "made by an older script, path unknown: " + vmLog());
    }

    /**
     * Transparent huge pages are asked for exactly where the kernel gives them on request ("always" or "madvise" in its
     * setting, the word in brackets): elsewhere the JVM would print a warning. Which way this machine goes is read
     * here from the kernel's file, not from the script.
     */
    @Test
    void hugePagesAreAskedForWhereTheKernelOffersThem() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(setting) ? Files.readString(setting) : "";
        boolean offered = mode.contains("[always]") || mode.contains("[madvise]");
        assertWindowRefusal(run());
        assertEquals(offered, vmLog().contains("-XX:+UseTransparentHugePages"), "kernel setting '" + mode.strip() + "': " + vmLog());
        Run run = run("presets", "--help");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err(), "no warning of the JVM's");
        assertTrue(run.out().startsWith("Usage: ridgeline presets"), run.out());
    }

    @Test
    void benchGetsThemToo() throws Exception {
        Run run = run("bench", "--help");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Usage: ridgeline bench"), run.out());
        assertFalse(run.out().contains("directives"), run.out());
        assertEquals("", run.err());
        assertTrue(vmLog().contains(DIRECTIVES_ADDED));
        assertTrue(vmLog().contains(TIER4));
    }

    @Test
    void aOneShotCommandDoesNot() throws Exception {
        Run run = run("presets", "--help");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Usage: ridgeline presets"), run.out());
        assertEquals("", run.err());
        assertFalse(Files.exists(home.resolve("jvm.log")), "no JVM log: the one-shot commands' output is the JVM's own");
    }

    /** A directives file that is missing would stop the JVM: the window then starts without it. */
    @Test
    void withoutTheDirectivesFileTheWindowStartsWithoutThem() throws Exception {
        Files.delete(root.resolve("app").resolve(DIRECTIVES));
        assertWindowRefusal(run());
        assertFalse(Files.exists(home.resolve("jvm.log")));
    }

    /** Where the JVM could not write its log it would say so on stdout: the window then starts without directives. */
    @Test
    void aUserFolderThatCannotBeMadeLeavesThemOut() throws Exception {
        Files.writeString(dir.resolve("file"), "not a folder");
        home = dir.resolve("file").resolve("home");
        assertWindowRefusal(run());
    }
}
