package org.neuroseg.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;

/** Operations on whole videos that stream frame by frame, so their memory does not grow with the frame count. */
public final class Videos {

    private Videos() {
    }

    /**
     * @param video a video; closing the returned view closes it
     * @param recording the recording facts to report instead of the video's own (e.g. a cell diameter or frame rate
     *        the user knows and the file does not say)
     * @return {@code video} with {@code recording} as its {@link Video#recording()}; frames are read from
     *         {@code video} unchanged
     */
    public static Video withRecording(Video video, RecordingInfo recording) {
        if (recording.equals(video.recording())) {
            return video;
        }
        return new WithRecording(video, recording);
    }

    /**
     * @param video a video; the view does not own it (closing the view leaves it open)
     * @param framesEachSide how many frames before and after each frame to show with it, at least 0
     * @return {@code video} itself when {@code framesEachSide} is 0; else a view with the same frames whose frame
     *         {@code t} holds the channels of frames {@code t - framesEachSide} to {@code t + framesEachSide} in
     *         that order (frame after frame, each with all its channels), the first and last frame repeated beyond
     *         the ends, so that a network reading one frame sees how its pixels change around it
     */
    public static Video withTemporalContext(Video video, int framesEachSide) {
        if (framesEachSide < 0) {
            throw new IllegalArgumentException("frames of context each side must be at least 0, got "
                    + framesEachSide);
        }
        return framesEachSide == 0 ? video : new TemporalContext(video, framesEachSide);
    }

    /**
     * @param channels channels of each frame of a video
     * @param framesEachSide frames of context each side, at least 0
     * @return channels of each frame of that video seen through {@link #withTemporalContext} with that context
     */
    public static int channelsWithContext(int channels, int framesEachSide) {
        return channels * (2 * framesEachSide + 1);
    }

    /**
     * @param video a mask or probability video of one channel
     * @return how many pixels of all its frames exceed one half (the marked pixels of a mask, the pixels a network
     *         calls positive)
     */
    public static long countAboveHalf(Video video, ProgressMonitor monitor) throws NeurosegException,
            CanceledException {
        float[] frame = new float[video.shape().pixelsPerFrame()];
        long count = 0;
        for (int t = 0; t < video.shape().frames(); t++) {
            monitor.checkCanceled();
            video.readFrame(t, frame);
            for (float value : frame) {
                count += value > 0.5f ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * Writes {@code source} to a new store at {@code target} in the source's own pixel type and channels, with its
     * recording facts, reporting progress per frame. Nothing is left at {@code target} when reading fails or the
     * monitor cancels.
     *
     * @param metadataJson JSON object stored with the video, or null
     * @return the store's path
     */
    public static Path toStore(Video source, Path target, String metadataJson, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        VideoShape shape = source.shape();
        try (VideoWriter writer = VideoStore.create(target, shape, source.recording(), metadataJson)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(shape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
            for (int t = 0; t < shape.frames(); t++) {
                monitor.checkCanceled();
                frame.clear();
                source.readFrameBytes(t, frame);
                frame.flip();
                writer.appendBytes(frame);
                monitor.setProgress((t + 1.0) / shape.frames(), null);
            }
            return writer.commit();
        }
    }

    /**
     * Mean of every pixel over all frames, accumulated in double precision.
     *
     * @return channels x height x width means, the planes one after the other, row-major; zeros for a video without
     *         frames
     */
    public static float[] mean(Video video, ProgressMonitor monitor) throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        float[] frame = new float[shape.pixelsPerFrame()];
        double[] sum = new double[shape.pixelsPerFrame()];
        for (int t = 0; t < shape.frames(); t++) {
            monitor.checkCanceled();
            video.readFrame(t, frame);
            for (int i = 0; i < frame.length; i++) {
                sum[i] += frame[i];
            }
            monitor.setProgress((t + 1.0) / shape.frames(), null);
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = shape.frames() == 0 ? 0 : (float) (sum[i] / shape.frames());
        }
        return mean;
    }

    /**
     * Visits the video in consecutive chunks of up to {@code chunkFrames} frames. The chunk's arrays are reused
     * between calls: copy what must outlive the call.
     */
    public static void forEachChunk(Video video, int chunkFrames, ChunkConsumer consumer, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        if (chunkFrames < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 frame, got " + chunkFrames);
        }
        VideoShape shape = video.shape();
        float[][] chunk = new float[Math.min(chunkFrames, Math.max(1, shape.frames()))][shape.pixelsPerFrame()];
        for (int start = 0; start < shape.frames(); start += chunk.length) {
            monitor.checkCanceled();
            int count = Math.min(chunk.length, shape.frames() - start);
            for (int i = 0; i < count; i++) {
                video.readFrame(start + i, chunk[i]);
            }
            consumer.accept(start, count, chunk);
            monitor.setProgress((double) (start + count) / shape.frames(), null);
        }
    }

    /** Receives consecutive chunks of frames from {@link #forEachChunk}. */
    @FunctionalInterface
    public interface ChunkConsumer {
        /**
         * @param firstFrame index of {@code frames[0]} in the video
         * @param count valid entries of {@code frames}
         * @param frames reused buffers, each channels x height x width (see {@link VideoShape}), row-major
         */
        void accept(int firstFrame, int count, float[][] frames) throws NeurosegException, CanceledException;
    }

    /** A video read through unchanged, with other recording facts. */
    private static final class WithRecording implements Video {
        private final Video video;
        private final RecordingInfo recording;

        WithRecording(Video video, RecordingInfo recording) {
            this.video = video;
            this.recording = recording;
        }

        @Override
        public VideoShape shape() {
            return video.shape();
        }

        @Override
        public RecordingInfo recording() {
            return recording;
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            video.readFrameBytes(index, target);
        }

        @Override
        public void readFrame(int index, float[] target) throws NeurosegException {
            video.readFrame(index, target);
        }

        @Override
        public void readChannel(int index, int channel, float[] target) throws NeurosegException {
            video.readChannel(index, channel, target);
        }

        @Override
        public String source() {
            return video.source();
        }

        @Override
        public void close() throws IOException {
            video.close();
        }
    }

    /** A video whose frames carry their neighbours' channels too ({@link #withTemporalContext}). */
    private static final class TemporalContext implements Video {
        private final Video video;
        private final int framesEachSide;
        private final VideoShape shape;

        TemporalContext(Video video, int framesEachSide) {
            this.video = video;
            this.framesEachSide = framesEachSide;
            this.shape = video.shape().withChannels(channelsWithContext(video.shape().channels(), framesEachSide));
        }

        /** @return the frame of the source that holds the view's {@code channel} of frame {@code index} */
        private int sourceFrame(int index, int channel) {
            int offset = channel / video.shape().channels() - framesEachSide;
            return Math.max(0, Math.min(shape.frames() - 1, index + offset));
        }

        @Override
        public VideoShape shape() {
            return shape;
        }

        @Override
        public RecordingInfo recording() {
            return video.recording();
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            Objects.checkIndex(index, shape.frames());
            int own = video.shape().channels();
            for (int channel = 0; channel < shape.channels(); channel += own) {
                video.readFrameBytes(sourceFrame(index, channel), target);
            }
        }

        @Override
        public void readChannel(int index, int channel, float[] target) throws NeurosegException {
            Objects.checkIndex(index, shape.frames());
            shape.checkPlaneTarget(channel, target.length);
            video.readChannel(sourceFrame(index, channel), channel % video.shape().channels(), target);
        }

        @Override
        public String source() {
            return video.source();
        }
    }
}
