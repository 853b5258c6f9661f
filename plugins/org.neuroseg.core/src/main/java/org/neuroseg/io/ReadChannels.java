package org.neuroseg.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.neuroseg.NeurosegException;

/** Opens a file for reading and hands its channel to a parser, closing the channel when the parser fails. */
final class ReadChannels {

    private ReadChannels() {
    }

    /** Reads what a video needs from its open channel; the video then owns the channel. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Path file, FileChannel channel) throws NeurosegException, IOException;
    }

    /**
     * @return what {@code parser} made of the file
     * @throws NeurosegException naming the file when it is missing, cannot be opened or read, or the parser refuses
     *         it; the channel is closed then
     */
    static <T> T open(Path file, Parser<T> parser) throws NeurosegException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NeurosegException("File not found: " + file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            return parser.parse(file, channel);
        } catch (NeurosegException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NeurosegException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
