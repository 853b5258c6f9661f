package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;

/** The metadata a stage stores with its output video, written and read back through the store. */
class StageMetadataTest {

    @TempDir
    Path dir;

    @Test
    void aStoredOutputTellsWhichStageMadeItAndWithWhichParameters() throws Exception {
        Parameters parameters = ActivityFramesStage.INSTANCE.defaults()
                .with(ActivityFramesStage.SMOOTHING.key(), 0.4);
        Path file = ActivityFramesStage.compute(new ArrayVideo(16, 16, PixelType.FLOAT32, 10, new float[20][256]),
                parameters, dir.resolve("activity.nsv"), ProgressMonitor.NONE);
        try (FileVideo stored = VideoStore.open(file)) {
            JsonObject json = StageMetadata.stored(stored).orElseThrow();
            assertEquals("activity-frames", json.get("stage").getAsString());
            assertEquals(0.4, StageMetadata.parameter(stored, ActivityFramesStage.SMOOTHING.key()).orElseThrow()
                    .getAsDouble());
            assertTrue(StageMetadata.parameter(stored, "noSuchParameter").isEmpty());
        }
        assertTrue(StageMetadata.stored(new ArrayVideo(4, 4, PixelType.FLOAT32, 10, new float[1][16])).isEmpty(),
                "a video in memory has no stored metadata");
    }
}
