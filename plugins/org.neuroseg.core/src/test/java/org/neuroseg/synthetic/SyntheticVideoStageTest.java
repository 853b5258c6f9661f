package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;

class SyntheticVideoStageTest {

    @TempDir
    Path dir;

    @Test
    void theVideoIsAnOutputFileOfItsOwnSoKnimeNeedsNoCopy() throws Exception {
        List<Path> allocated = new ArrayList<>();
        StageContext context = new StageContext(name -> {
            Path file = dir.resolve(allocated.size() + "-" + name);
            allocated.add(file);
            return file;
        }, ProgressMonitor.NONE);
        PortValues outputs = SyntheticVideoStage.INSTANCE.run(PortValues.none(), SyntheticVideoStage.INSTANCE
                .defaults().with("width", 64).with("height", 64).with("frames", 5).with("neuronCount", 3), context);
        try (FileVideo video = (FileVideo) outputs.get(SyntheticVideoStage.VIDEO)) {
            assertTrue(allocated.contains(video.file()), video.file() + " is not one of " + allocated);
            assertEquals(5, video.shape().frames());
        }
        assertEquals(3, outputs.get(SyntheticVideoStage.ALL_CELLS).size());
    }
}
