package org.neuroseg.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.neuroseg.NeurosegException;

/**
 * Writes text files all-or-nothing: the content goes to a temporary file beside the target ({@code name.part}),
 * which is renamed into place only when complete, so readers never see a half-written file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the content of a text file. */
    @FunctionalInterface
    public interface TextContent {
        /** @param out where to write; buffered, UTF-8, closed by the caller */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a UTF-8 text file atomically, replacing any file at {@code target}.
     *
     * @return {@code target}
     * @throws NeurosegException when the file cannot be written; then neither the target nor a temporary file is
     *         changed or left behind
     */
    public static Path writeText(Path target, TextContent content) throws NeurosegException {
        return write(target, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(text);
            text.flush();
        });
    }

    /** Writes the content of a binary file. */
    @FunctionalInterface
    public interface BinaryContent {
        /** @param out where to write; buffered, closed by the caller */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a binary file atomically, replacing any file at {@code target}.
     *
     * @return {@code target}
     * @throws NeurosegException when the file cannot be written; then nothing is left behind
     */
    public static Path write(Path target, BinaryContent content) throws NeurosegException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                content.writeTo(out);
            }
            move(partial, target);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw new NeurosegException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file if it exists, ignoring failures (for clean-up after another error). */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }

    /**
     * Deletes a folder and everything in it, leaving behind whatever cannot be deleted (scratch space: a leftover is
     * harmless, and the error that led here matters more).
     */
    public static void deleteTreeQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // nothing more can be deleted
        }
    }
}
