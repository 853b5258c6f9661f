package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.settings.MemorySettings;
import org.neuroseg.stage.settings.StageSettings;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

class VideoReaderStageTest {

    @TempDir
    Path dir;

    /** A two-frame store that records 10 Hz and cells of 11.5 px. */
    private Path recordedStore() throws Exception {
        Path file = dir.resolve("recorded.nsv");
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, 4, 5, PixelType.UINT16),
                new RecordingInfo(10, 1.5, 11.5), null)) {
            writer.append(new float[20]);
            writer.append(new float[20]);
            writer.commit();
        }
        return file;
    }

    private RecordingInfo readRecording(Parameters parameters, String name) throws Exception {
        Path out = dir.resolve(name);
        java.nio.file.Files.createDirectories(out);
        PortValues outputs = VideoReaderStage.INSTANCE.run(PortValues.none(), parameters,
                StageContext.inDirectory(out, ProgressMonitor.NONE));
        try (Video video = outputs.get(VideoReaderStage.VIDEO)) {
            return video.recording();
        }
    }

    @Test
    void theCellDiameterSettingReplacesWhatTheFileRecords() throws Exception {
        Parameters parameters = VideoReaderStage.INSTANCE.defaults().with(VideoReaderStage.FILE.key(),
                recordedStore().toString());
        assertEquals(new RecordingInfo(10, 1.5, 11.5), readRecording(parameters, "kept"), "0 keeps the file's");
        assertEquals(new RecordingInfo(10, 1.5, 16), readRecording(parameters.with(
                VideoReaderStage.CELL_DIAMETER.key(), 16.0), "given"));
    }

    @Test
    void settingsSavedBeforeTheCellDiameterExistedKeepWhatTheFileRecords() throws Exception {
        MemorySettings old = new MemorySettings();
        StageSettings.save(VideoReaderStage.INSTANCE.defaults().with(VideoReaderStage.CELL_DIAMETER.key(), 12.0),
                old);
        old.remove(VideoReaderStage.CELL_DIAMETER.key());
        StageSettings.Loaded loaded = StageSettings.load(VideoReaderStage.INSTANCE.parameters(),
                VideoReaderStage.INSTANCE.settingsMigrations(), old);
        assertEquals(List.of(), loaded.warnings());
        assertEquals(0.0, loaded.parameters().getDouble(VideoReaderStage.CELL_DIAMETER));
    }
}
