package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving: whole or not at all, the permissions kept, no temporary file left by a save that died, and a one-line
 * reason when the target cannot be written. (That the data is forced to the disk before the rename cannot be seen
 * without pulling the power; AtomicFiles writes through a FileChannel and calls force(true).)
 */
class AtomicFilesTest {
    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void savingOverAFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path target = dir.resolve("shared.json");
        Files.writeString(target, "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(target, shared);
        AtomicFiles.write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(shared, Files.getPosixFilePermissions(target));
    }

    /** A new file gets what any new file in that folder gets (the umask), not createTempFile's owner-only 0600. */
    @Test
    void aNewFileGetsTheUsersOrdinaryPermissions(@TempDir Path dir) throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
        Path saved = dir.resolve("saved.json");
        AtomicFiles.write(saved, "{}");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(saved));
    }

    /**
     * Saves that died leave temporaries; a random run of saves of two targets, with dead saves of random age in
     * between: after each save its target holds what was written last, and no temporary of it older than a minute
     * is left, while a fresh one (a save under way in another window) and other files are kept.
     */
    @Test
    void seed79TemporariesOfDeadSavesAreRemovedByTheNextSave(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(79);
        Path other = Files.writeString(dir.resolve(".notes.tmp"), "not ours");
        String[] targets = {"a.json", "scenario.json"};
        List<Path> fresh = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Path target = dir.resolve(targets[r.nextInt(targets.length)]);
            if (r.nextInt(3) == 0) {
                // a save killed between writing its temporary and the rename: ours, or an older version's name
                String name = r.nextBoolean() ? "." + target.getFileName() + "." + HexFormat.of().toHexDigits(r.nextLong()) + ".tmp"
                        : "." + target.getFileName() + Math.abs(r.nextLong()) + ".tmp";
                Path dead = Files.writeString(dir.resolve(name), "half");
                boolean old = r.nextBoolean();
                Files.setLastModifiedTime(dead, FileTime.fromMillis(System.currentTimeMillis()
                        - (old ? AtomicFiles.STALE.toMillis() + 1000 + r.nextInt(1_000_000) : 0)));
                if (!old) {
                    fresh.add(dead);
                }
                continue;
            }
            String content = "save " + i;
            AtomicFiles.write(target, content);
            assertEquals(content, Files.readString(target));
            String prefix = "." + target.getFileName();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (n.startsWith(prefix) && n.endsWith(".tmp")) {
                        assertTrue(fresh.contains(f), "stale temporary left: " + n);
                    }
                }
            }
        }
        for (Path f : fresh) {
            assertTrue(Files.exists(f), "a fresh temporary may be another save under way: " + f);
        }
        assertTrue(Files.exists(other), "files that are not our temporaries are kept");
    }

    @Test
    void removingStaleTemporariesOfAFolderKeepsEverythingElse(@TempDir Path dir) throws IOException {
        Path stale = Files.writeString(dir.resolve(".x.json.0123456789abcdef.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path json = Files.writeString(dir.resolve("x.json"), "{}");
        AtomicFiles.removeStaleTemporaries(dir);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(json));
    }

    /** Targets that cannot be written: one line, "cannot write FILE: why", and nothing left behind. */
    @Test
    void unwritableTargetsSayWhyInOneLine(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        IOException isDir = assertThrows(IOException.class, () -> AtomicFiles.write(folder, "x"));
        assertEquals("cannot write " + folder + ": is a directory", isDir.getMessage());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        IOException underFile = assertThrows(IOException.class, () -> AtomicFiles.write(file.resolve("x.json"), "x"));
        assertTrue(underFile.getMessage().startsWith("cannot write " + file.resolve("x.json") + ": "), underFile.getMessage());
        Path longName = dir.resolve("n".repeat(300) + ".json");
        IOException tooLong = assertThrows(IOException.class, () -> AtomicFiles.write(longName, "x"));
        assertTrue(tooLong.getMessage().startsWith("cannot write " + dir), tooLong.getMessage());
        assertTrue(tooLong.getMessage().endsWith(": file name too long"), tooLong.getMessage());
        for (IOException e : List.of(isDir, underFile, tooLong)) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "only the folder and the plain file");
        }
    }
}
