package org.neuroseg.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TemporalContextTest {

    /** Four frames of two channels of 1 x 2 pixels; pixel value = 10 x frame + channel (+ 0.5 in the second column). */
    private static Video video() {
        float[][] frames = new float[4][];
        for (int t = 0; t < 4; t++) {
            frames[t] = new float[] {10 * t, 10 * t + 0.5f, 10 * t + 1, 10 * t + 1.5f};
        }
        return new ArrayVideo(new VideoShape(4, 2, 1, 2, PixelType.FLOAT32), new RecordingInfo(5, 0, 9), frames);
    }

    @Test
    void eachFrameCarriesItsNeighboursInOrderAndTheEndsRepeat() throws Exception {
        Video context = Videos.withTemporalContext(video(), 1);
        assertEquals(new VideoShape(4, 6, 1, 2, PixelType.FLOAT32), context.shape());
        assertEquals(new RecordingInfo(5, 0, 9), context.recording());
        float[] frame = new float[6 * 2];
        context.readFrame(2, frame);
        assertArrayEquals(new float[] {10, 10.5f, 11, 11.5f, 20, 20.5f, 21, 21.5f, 30, 30.5f, 31, 31.5f}, frame);
        context.readFrame(0, frame);
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 0, 0.5f, 1, 1.5f, 10, 10.5f, 11, 11.5f}, frame);
        context.readFrame(3, frame);
        assertArrayEquals(new float[] {20, 20.5f, 21, 21.5f, 30, 30.5f, 31, 31.5f, 30, 30.5f, 31, 31.5f}, frame);
    }

    @Test
    void oneChannelReadsTheSameAsTheWholeFrameAndBytesMatchFloats() throws Exception {
        Video context = Videos.withTemporalContext(video(), 2);
        VideoShape shape = context.shape();
        assertEquals(10, shape.channels());
        float[] frame = new float[shape.pixelsPerFrame()];
        float[] plane = new float[shape.pixelsPerPlane()];
        for (int t = 0; t < shape.frames(); t++) {
            context.readFrame(t, frame);
            ByteBuffer bytes = ByteBuffer.allocate(shape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
            context.readFrameBytes(t, bytes);
            assertEquals(shape.bytesPerFrame(), bytes.position());
            for (int c = 0; c < shape.channels(); c++) {
                context.readChannel(t, c, plane);
                for (int i = 0; i < plane.length; i++) {
                    assertEquals(frame[c * plane.length + i], plane[i]);
                    assertEquals(frame[c * plane.length + i], bytes.getFloat((c * plane.length + i) * 4));
                }
            }
        }
        // frame 1 with two frames each side: frames 0, 0, 1, 2, 3 (channel 0 of each)
        context.readFrame(1, frame);
        assertArrayEquals(new float[] {0, 0, 10, 20, 30}, new float[] {frame[0], frame[4], frame[8], frame[12],
            frame[16]});
    }

    @Test
    void noContextIsTheVideoItselfAndOutOfRangeIsRefused() throws Exception {
        Video video = video();
        assertSame(video, Videos.withTemporalContext(video, 0));
        assertThrows(IllegalArgumentException.class, () -> Videos.withTemporalContext(video, -1));
        Video context = Videos.withTemporalContext(video, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> context.readFrame(4, new float[12]));
        assertThrows(IndexOutOfBoundsException.class, () -> context.readChannel(0, 6, new float[2]));
    }
}
