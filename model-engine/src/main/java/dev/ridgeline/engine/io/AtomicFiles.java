package dev.ridgeline.engine.io;

import dev.ridgeline.engine.model.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file whole or not at all: a temporary file beside the target, forced to the disk, then renamed over it, so
 * a crash or a power cut leaves the old file or the new one, never a half or an empty one. The file keeps the
 * permissions the target had; a new file gets the user's ordinary ones (umask), not owner-only. Temporary files a
 * killed save left behind are removed by the next write of that target (and by {@link #removeStaleTemporaries}).
 * A failure is an {@link IOException} whose message is one line: "cannot write FILE: why".
 */
public final class AtomicFiles {
    /** A temporary file older than this belongs to a save that died: no save takes a minute. */
    static final Duration STALE = Duration.ofMinutes(1);
    /** Temporary names keep at most this much of the target's name, so they fit where the target fits. */
    private static final int PREFIX = 100;
    /** ".NAME.<16 hex>.tmp" (ours) or ".NAME<digits>.tmp" (Files.createTempFile, earlier versions). */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+?)(\\.[0-9a-f]{16}|-?[0-9]+)\\.tmp");

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        try {
            writeOrThrow(target.toAbsolutePath(), content);
        } catch (IOException e) {
            throw new IOException("cannot write " + Checks.shorten(target.toString(), 2 * Checks.ECHO_LIMIT) + ": "
                    + reason(e), e);
        }
    }

    private static void writeOrThrow(Path target, byte[] content) throws IOException {
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        removeStale(dir, prefix(target));
        Path tmp = dir.resolve("." + prefix(target) + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // created with the default permissions (the umask), unlike Files.createTempFile's owner-only 0600
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Saving over a file keeps who may read it: the new file gets the old one's POSIX permissions. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (old != null && Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
    }

    /** Makes the rename itself durable where the platform can (Linux); elsewhere the rename is as durable as it gets. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the file's own data is already on the disk.
        }
    }

    /** Removes the temporary files in {@code dir} that saves which died left behind (older than {@link #STALE}). */
    public static void removeStaleTemporaries(Path dir) {
        removeStale(dir, null);
    }

    /** Stale temporaries in {@code dir}, of the target whose name starts with {@code prefix} (all when null). */
    private static void removeStale(Path dir, String prefix) {
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - STALE.toMillis());
        try (var files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                var m = TEMPORARY.matcher(f.getFileName().toString());
                if (m.matches() && (prefix == null || m.group(1).equals(prefix))
                        && Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(before) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: a folder that cannot be listed fails the write itself, with its reason
        }
    }

    private static String prefix(Path target) {
        String name = target.getFileName().toString();
        return name.length() > PREFIX ? name.substring(0, PREFIX) : name;
    }

    /** Why a file operation failed, in a few words ("permission denied", "no such folder", "read-only file system"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            String file = ((NoSuchFileException) e).getFile();
            Path path = file == null ? null : Path.of(file);
            boolean ours = path != null && path.getFileName() != null
                    && TEMPORARY.matcher(path.getFileName().toString()).matches();
            return ours ? "the folder " + path.getParent() + " does not take new files" : "no such file or folder " + file;
        }
        if (e instanceof FileAlreadyExistsException) {
            return ((FileAlreadyExistsException) e).getFile() + " exists and is not a folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    }
}
