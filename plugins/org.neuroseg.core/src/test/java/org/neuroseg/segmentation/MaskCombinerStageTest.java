package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

class MaskCombinerStageTest {

    @TempDir
    Path dir;

    @Test
    void takesThePixelWiseMaximumAndChainsInAnyOrder() throws Exception {
        Video a = ArrayVideo.image(1, 4, PixelType.FLOAT32, new float[] {0, 0.2f, 0.9f, 0});
        Video b = ArrayVideo.image(1, 4, PixelType.FLOAT32, new float[] {0.5f, 0.1f, 0.3f, 0});
        Video c = ArrayVideo.image(1, 4, PixelType.UINT8, new float[] {0, 0, 0, 1});
        try (Video ab = combine(a, b, "ab"); Video abc = combine(ab, c, "abc"); Video ca = combine(c, a, "ca");
                Video cab = combine(ca, b, "cab")) {
            assertEquals(PixelType.FLOAT32, ab.shape().pixelType());
            assertArrayEquals(new float[] {0.5f, 0.2f, 0.9f, 0}, Images.read(ab, "ab"));
            assertArrayEquals(new float[] {0.5f, 0.2f, 0.9f, 1}, Images.read(abc, "abc"));
            assertArrayEquals(Images.read(abc, "abc"), Images.read(cab, "cab"));
        }
    }

    @Test
    void refusesMasksOfDifferentSizes() {
        Video a = ArrayVideo.image(2, 2, PixelType.UINT8, new float[4]);
        Video b = ArrayVideo.image(1, 4, PixelType.UINT8, new float[4]);
        assertThrows(NeurosegException.class, () -> combine(a, b, "x"));
    }

    private Video combine(Video a, Video b, String name) throws Exception {
        return MaskCombinerStage.INSTANCE.run(PortValues.of(MaskCombinerStage.MASK_1, a).with(MaskCombinerStage.MASK_2,
                b), MaskCombinerStage.INSTANCE.defaults(),
                StageContext.inDirectory(dir.resolve(name), ProgressMonitor.NONE)).get(MaskCombinerStage.COMBINED_MASK);
    }
}
