package org.neuroseg.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JSpinner;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

class VideoViewerTest {

    private static final int WIDTH = 16;
    private static final int HEIGHT = 12;
    private static final int FRAMES = 4;
    private static final double RATE_HZ = 20;

    @TempDir
    Path folder;

    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "the build sets java.awt.headless=true for tests");
    }

    @Test
    void showsUint8FramesPixelForPixel() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> (i * 7 + t * 13) % 256);
        try (VideoViewer viewer = viewer(store(PixelType.UINT8, 1, frames))) {
            viewer.setContrast(new Contrast(0, 255));
            viewer.showFrame(2);
            // uint8 at contrast 0..255: every grey level is the stored value itself
            assertPixels(frames[2], 0, 255, viewer, 1);
        }
    }

    @Test
    void showsUint16FramesPixelForPixel() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> (i * 331 + t * 4001) % 65536);
        try (VideoViewer viewer = viewer(store(PixelType.UINT16, 1, frames))) {
            viewer.setContrast(new Contrast(1000, 60000));
            viewer.showFrame(3);
            assertPixels(frames[3], 1000, 60000, viewer, 1);
        }
    }

    @Test
    void showsFloatFramesPixelForPixelWhenEnlarged() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> (float) Math.sin(i * 0.37 + t) * 1.5f);
        frames[1][5] = Float.NaN;
        try (VideoViewer viewer = viewer(store(PixelType.FLOAT32, 1, frames))) {
            viewer.setContrast(new Contrast(-1, 1));
            viewer.showFrame(1);
            assertPixels(frames[1], -1, 1, viewer, 3);
        }
    }

    @Test
    void showsTheChosenChannelOfATwoChannelVideo() throws Exception {
        float[][] frames = frames(2, (t, c, i) -> c == 0 ? i : 255 - i - t);
        try (VideoViewer viewer = viewer(store(PixelType.UINT8, 2, frames))) {
            viewer.setContrast(new Contrast(0, 255));
            viewer.showFrame(1);
            int plane = WIDTH * HEIGHT;
            assertPixels(Arrays.copyOfRange(frames[1], 0, plane), 0, 255, viewer, 1);
            viewer.setChannel(1);
            assertPixels(Arrays.copyOfRange(frames[1], plane, 2 * plane), 0, 255, viewer, 1);
            assertTrue(viewer.statusText().contains("channel 1"), viewer.statusText());
        }
    }

    @Test
    void sliderShowsTheFrameItIsMovedTo() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> t * 50 + i % 50);
        try (VideoViewer viewer = viewer(store(PixelType.UINT8, 1, frames))) {
            viewer.setContrast(new Contrast(0, 255));
            viewer.slider().setValue(3);
            assertEquals(3, viewer.frame());
            assertPixels(frames[3], 0, 255, viewer, 1);
            viewer.slider().setValue(0);
            assertPixels(frames[0], 0, 255, viewer, 1);
        }
    }

    @Test
    void autoContrastIsTheDefaultAndFollowsEachFrame() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> (t + 1) * (i % 101));
        try (VideoViewer viewer = viewer(store(PixelType.UINT16, 1, frames))) {
            assertEquals(percentiles(frames[0]), viewer.contrast());
            viewer.showFrame(2);
            assertEquals(percentiles(frames[2]), viewer.contrast());
            Contrast auto = viewer.contrast();
            assertPixels(frames[2], auto.min(), auto.max(), viewer, 1);
            viewer.setContrast(new Contrast(0, 10));
            viewer.showFrame(3);
            assertEquals(new Contrast(0, 10), viewer.contrast(), "a contrast the user set stays");
            viewer.setAutoContrast();
            assertEquals(percentiles(frames[3]), viewer.contrast());
        }
    }

    @Test
    void contrastTypedByTheUserAppliesAndAnEmptyRangeIsRefused() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> i);
        try (VideoViewer viewer = viewer(store(PixelType.UINT16, 1, frames))) {
            List<JSpinner> spinners = components(viewer, JSpinner.class);
            JCheckBox auto = components(viewer, JCheckBox.class).get(0);
            assertFalse(spinners.get(0).isEnabled(), "auto contrast: the spinners only show its range");
            auto.doClick(0);
            assertTrue(spinners.get(0).isEnabled());
            spinners.get(0).setValue(10.0);
            spinners.get(1).setValue(20.0);
            assertEquals(new Contrast(10, 20), viewer.contrast());
            assertPixels(frames[0], 10, 20, viewer, 1);
            spinners.get(0).setValue(30.0);
            assertEquals(new Contrast(10, 20), viewer.contrast());
            assertEquals(10.0, spinners.get(0).getValue());
            assertEquals("The contrast maximum must be above the minimum; kept 10 to 20", viewer.statusText());
            auto.doClick(0);
            assertEquals(percentiles(frames[0]), viewer.contrast());
        }
    }

    @Test
    void statusNamesFrameTimeAndThePixelUnderTheCursor() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> t * 100 + i * 0.25f);
        try (VideoViewer viewer = viewer(store(PixelType.FLOAT32, 1, frames))) {
            viewer.showFrame(1);
            JComponent panel = viewer.framePanel();
            panel.setSize(3 * WIDTH, 3 * HEIGHT);
            move(panel, 3 * 4 + 2, 3 * 2 + 1);
            assertEquals("frame 1 of 0 to 3   0.050 s   x 4, y 2: " + String.format(Locale.ROOT, "%.6g", frames[1][2 * WIDTH + 4]),
                    viewer.statusText());
            move(panel, 3 * WIDTH + 1, 0);
            assertEquals("frame 1 of 0 to 3   0.050 s", viewer.statusText(), "no pixel outside the frame");
        }
    }

    @Test
    void statusShowsIntegerPixelsAsIntegersAndSaysWhenTheTimeIsUnknown() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> 40000 + i);
        Path file = folder.resolve("no-rate.nsv");
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, 1, HEIGHT, WIDTH, PixelType.UINT16),
                RecordingInfo.UNKNOWN, null)) {
            for (float[] frame : frames) {
                writer.append(frame);
            }
            writer.commit();
        }
        try (VideoViewer viewer = viewer(file)) {
            JComponent panel = viewer.framePanel();
            panel.setSize(WIDTH, HEIGHT);
            move(panel, 3, 1);
            assertEquals("frame 0 of 0 to 3   time unknown (no frame rate)   x 3, y 1: " + (40000 + WIDTH + 3),
                    viewer.statusText());
        }
    }

    @Test
    void playingAdvancesAndWrapsAround() throws Exception {
        try (VideoViewer viewer = viewer(store(PixelType.UINT8, 1, frames(1, (t, c, i) -> t)))) {
            // on the event thread, as in use, so that the timer's own ticks cannot interleave
            onEventThread(() -> {
                viewer.play();
                assertTrue(viewer.isPlaying());
                viewer.showFrame(FRAMES - 1);
                viewer.advance();
                assertEquals(0, viewer.frame());
                viewer.advance();
                assertEquals(1, viewer.frame());
                viewer.stop();
                assertFalse(viewer.isPlaying());
            });
        }
    }

    @Test
    void closesTheVideoWhenHiddenAndReopensItForTheNextFrame() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> t * 10 + i % 10);
        Path file = store(PixelType.UINT8, 1, frames);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        VideoViewer viewer = new VideoViewer(() -> {
            opened.incrementAndGet();
            open.incrementAndGet();
            return new Tracked(VideoStore.open(file), open);
        });
        viewer.setContrast(new Contrast(0, 255));
        assertEquals(1, open.get());
        viewer.removeNotify();
        assertEquals(0, open.get(), "removed from the screen: the video is closed");
        viewer.showFrame(2);
        assertEquals(2, opened.get());
        assertPixels(frames[2], 0, 255, viewer, 1);
        viewer.close();
        assertEquals(0, open.get());
    }

    @Test
    void saysWhichFrameCannotBeReadAndKeepsShowingTheLastOne() throws Exception {
        float[][] frames = frames(1, (t, c, i) -> t * 10 + i % 10);
        Path file = store(PixelType.UINT8, 1, frames);
        try (VideoViewer viewer = new VideoViewer(() -> new Failing(VideoStore.open(file)))) {
            viewer.setContrast(new Contrast(0, 255));
            viewer.showFrame(1);
            viewer.showFrame(2);
            assertTrue(viewer.statusText().endsWith("cannot show frame 2: damaged.nsv: frame 2 is damaged"),
                    viewer.statusText());
            assertPixels(frames[1], 0, 255, viewer, 1);
            onEventThread(() -> {
                viewer.play();
                viewer.showFrame(1);
                viewer.advance();
                assertFalse(viewer.isPlaying(), "playing stops at a frame that cannot be read");
            });
        }
    }

    @Test
    void saysWhenTheVideoHasNoFrames() throws Exception {
        Path file = folder.resolve("empty.nsv");
        try (VideoWriter writer = VideoStore.create(file, HEIGHT, WIDTH, PixelType.UINT8, 0, null)) {
            writer.commit();
        }
        try (VideoViewer viewer = viewer(file)) {
            assertEquals("The video has no frames", viewer.statusText());
        }
    }

    /** Paints the frame panel at {@code scale} screen pixels a frame pixel and compares each with the stored value. */
    private static void assertPixels(float[] expected, double min, double max, VideoViewer viewer, int scale) {
        JComponent panel = viewer.framePanel();
        panel.setSize(scale * WIDTH, scale * HEIGHT);
        BufferedImage screen = new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screen.createGraphics();
        panel.paint(g);
        g.dispose();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float value = expected[y * WIDTH + x];
                double level = Double.isNaN(value) ? 0 : (value - min) / (max - min) * 255;
                int grey = (int) Math.round(Math.max(0, Math.min(255, level)));
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        int rgb = screen.getRGB(scale * x + dx, scale * y + dy) & 0xFFFFFF;
                        assertEquals(grey * 0x010101, rgb, "pixel x " + x + ", y " + y + " (value " + value
                                + ") at screen " + (scale * x + dx) + ", " + (scale * y + dy));
                    }
                }
            }
        }
    }

    private static <T> List<T> components(Container container, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Component child : container.getComponents()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Container inner) {
                found.addAll(components(inner, type));
            }
        }
        return found;
    }

    private static void onEventThread(Runnable steps) throws Exception {
        try {
            SwingUtilities.invokeAndWait(steps);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static Contrast percentiles(float[] plane) {
        float[] sorted = plane.clone();
        Arrays.sort(sorted);
        return new Contrast(sorted[(int) Math.round(0.01 * (sorted.length - 1))],
                sorted[(int) Math.round(0.99 * (sorted.length - 1))]);
    }

    private static void move(JComponent panel, int x, int y) {
        panel.dispatchEvent(new MouseEvent(panel, MouseEvent.MOUSE_MOVED, 0, 0, x, y, 0, false));
    }

    private static VideoViewer viewer(Path file) throws NeurosegException {
        return new VideoViewer(() -> VideoStore.open(file));
    }

    private interface PixelRule {
        float value(int frame, int channel, int index);
    }

    private static float[][] frames(int channels, PixelRule rule) {
        float[][] frames = new float[FRAMES][channels * WIDTH * HEIGHT];
        for (int t = 0; t < FRAMES; t++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < WIDTH * HEIGHT; i++) {
                    frames[t][c * WIDTH * HEIGHT + i] = rule.value(t, c, i);
                }
            }
        }
        return frames;
    }

    private Path store(PixelType type, int channels, float[][] frames) throws NeurosegException {
        Path file = folder.resolve(type.name().toLowerCase() + "-" + channels + ".nsv");
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, channels, HEIGHT, WIDTH, type),
                RecordingInfo.ofFrameRate(RATE_HZ), null)) {
            for (float[] frame : frames) {
                writer.append(frame);
            }
            writer.commit();
        }
        return file;
    }

    /** A video that counts down {@code open} when closed. */
    private record Tracked(Video video, AtomicInteger open) implements Video {
        @Override
        public VideoShape shape() {
            return video.shape();
        }

        @Override
        public RecordingInfo recording() {
            return video.recording();
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            video.readFrameBytes(index, target);
        }

        @Override
        public void readChannel(int index, int channel, float[] target) throws NeurosegException {
            video.readChannel(index, channel, target);
        }

        @Override
        public void close() throws IOException {
            open.decrementAndGet();
            video.close();
        }
    }

    /** A video of which frame 2 cannot be read. */
    private record Failing(Video video) implements Video {
        @Override
        public VideoShape shape() {
            return video.shape();
        }

        @Override
        public RecordingInfo recording() {
            return video.recording();
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            if (index == 2) {
                throw new NeurosegException("damaged.nsv: frame 2 is damaged");
            }
            video.readFrameBytes(index, target);
        }

        @Override
        public void close() throws IOException {
            video.close();
        }
    }
}
