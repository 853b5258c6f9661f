package org.neuroseg.video;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The argument checks every reader shares: a frame index, a float target and a byte target for one frame. */
class VideoShapeTest {

    private static final VideoShape SHAPE = new VideoShape(5, 2, 3, 4, PixelType.UINT16);

    @Test
    void framesOutsideTheVideoAreNamed() {
        assertDoesNotThrow(() -> SHAPE.checkFrame(0));
        assertDoesNotThrow(() -> SHAPE.checkFrame(4));
        assertEquals("frame 5 of a video with 5 frames",
                assertThrows(IndexOutOfBoundsException.class, () -> SHAPE.checkFrame(5)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> SHAPE.checkFrame(-1));
    }

    @Test
    void aFloatTargetHoldsEveryPlaneOfOneFrame() {
        assertDoesNotThrow(() -> SHAPE.checkFrameTarget(2 * 3 * 4));
        assertEquals("target holds 12 pixels, a frame has 24",
                assertThrows(IllegalArgumentException.class, () -> SHAPE.checkFrameTarget(12)).getMessage());
    }

    @Test
    void aByteTargetTakesAtLeastOneFrame() {
        assertDoesNotThrow(() -> SHAPE.checkFrameBytes(48));
        assertDoesNotThrow(() -> SHAPE.checkFrameBytes(100));
        assertEquals("target has 47 bytes left, a frame has 48",
                assertThrows(IllegalArgumentException.class, () -> SHAPE.checkFrameBytes(47)).getMessage());
    }
}
