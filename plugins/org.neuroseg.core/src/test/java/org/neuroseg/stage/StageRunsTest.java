package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.segmentation.MaskCombinerStage;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

class StageRunsTest {

    @TempDir
    Path dir;

    @Test
    void closesTheInputsOpenedBeforeOneFailsToOpen() {
        AtomicInteger closed = new AtomicInteger();
        List<StageRuns.Opener> inputs = List.of(() -> counting(closed), () -> {
            throw new NeurosegException("the second mask is unreadable");
        });
        NeurosegException error = assertThrows(NeurosegException.class, () -> StageRuns.run(
                MaskCombinerStage.INSTANCE, inputs, MaskCombinerStage.INSTANCE.defaults(), context(),
                outputs -> outputs));
        assertEquals("the second mask is unreadable", error.getMessage());
        assertEquals(1, closed.get(), "the first mask must be closed");
    }

    @Test
    void closesInputsAndOutputsAfterConverting() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        int[] frames = new int[1];
        StageRuns.run(MaskCombinerStage.INSTANCE, List.of(() -> counting(closed), () -> counting(closed)),
                MaskCombinerStage.INSTANCE.defaults(), context(), outputs -> {
                    frames[0] = ((Video) outputs.get(0)).shape().frames();
                    return outputs;
                });
        assertEquals(1, frames[0]);
        assertEquals(2, closed.get());
    }

    @Test
    void refusesParametersThatDoNotFitTogether() {
        Parameters crossed = org.neuroseg.segmentation.RefinementStage.INSTANCE.defaults()
                .with("minAreaPx", 500).with("maxAreaPx", 100);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StageRuns.run(
                org.neuroseg.segmentation.RefinementStage.INSTANCE,
                List.of(() -> ArrayVideo.image(4, 4, PixelType.FLOAT32, new float[16])), crossed, context(),
                outputs -> outputs));
        assertTrue(error.getMessage().contains("'Minimum area (px)' (500) must not exceed 'Maximum area (px)' (100)"),
                error.getMessage());
    }

    private StageContext context() {
        return StageContext.inDirectory(dir, ProgressMonitor.NONE);
    }

    /** @return a 4 x 4 mask that counts how often it is closed */
    private static Video counting(AtomicInteger closed) {
        Video mask = ArrayVideo.image(4, 4, PixelType.UINT8, new float[16]);
        return new Video() {
            @Override
            public VideoShape shape() {
                return mask.shape();
            }

            @Override
            public RecordingInfo recording() {
                return mask.recording();
            }

            @Override
            public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
                mask.readFrameBytes(index, target);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
