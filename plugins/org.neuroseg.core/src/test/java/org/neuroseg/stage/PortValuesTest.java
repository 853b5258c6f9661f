package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

class PortValuesTest {

    private static final PortSpec<Video> VIDEO = PortSpec.video("Video", "A video.");
    private static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs", "Cells.");

    @Test
    void givesBackTheValueOfEachPortByItsType() {
        Video video = ArrayVideo.image(2, 2, PixelType.UINT8, new float[4]);
        RoiSet rois = new RoiSet(2, 2, List.of());
        PortValues values = PortValues.of(VIDEO, video).with(ROIS, rois);
        assertSame(video, values.get(VIDEO));
        assertSame(rois, values.get(ROIS));
        assertEquals(List.of(rois, video), values.inPortOrder(List.of(ROIS, VIDEO)));
    }

    @Test
    void refusesValuesOfAnotherTypeAndNamesMissingPorts() {
        Video video = ArrayVideo.image(2, 2, PixelType.UINT8, new float[4]);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> PortValues.inPortOrder(List.of(VIDEO, ROIS), List.of(video, video)));
        assertTrue(wrong.getMessage().contains("'ROIs' carries RoiSet"), wrong.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> PortValues.inPortOrder(List.of(VIDEO, ROIS), List.of(video)));
        assertTrue(count.getMessage().contains("2 ports but 1 values"), count.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PortValues.of(VIDEO, video).get(ROIS));
        assertTrue(missing.getMessage().contains("no value on port 'ROIs'"), missing.getMessage());
    }
}
