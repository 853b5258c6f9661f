package org.neuroseg.dl.view;

import java.awt.BorderLayout;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.roi.Roi;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.VideoStore;
import org.neuroseg.view.VideoViewer;

/**
 * Takes the screenshots of the port views in the README: the video viewer on a synthetic epifluorescence video, the
 * cursor on a cell, and the model card of the shipped U-Net, each in a window on the screen, captured with
 * {@link Robot}. Needs a display; without one, run it under Xvfb from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -o -pl plugins/org.neuroseg.dl test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1280x1024x24" java -cp plugins/org.neuroseg.dl/target/test-classes:$(cat \
 *     plugins/org.neuroseg.dl/target/classpath.txt):plugins/org.neuroseg.dl/target/classes \
 *     org.neuroseg.dl.view.ViewScreenshots docs
 * </pre>
 */
public final class ViewScreenshots {

    private ViewScreenshots() {
    }

    /** @param args the folder the PNG files go to */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        Path scratch = Files.createTempDirectory("neuroseg-screenshots");
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(256, 256, 60).neuronCount(70)
                .build();
        SyntheticResult synthetic = SyntheticVideoGenerator.generate(params, scratch, ProgressMonitor.NONE);
        Path video = synthetic.videoFile();
        Roi cell = synthetic.functionalRois().rois().get(0);
        AtomicReference<VideoViewer> viewer = new AtomicReference<>();
        JFrame videoWindow = show("Video", () -> {
            VideoViewer created = new VideoViewer(() -> VideoStore.open(video));
            created.showFrame(37);
            viewer.set(created);
            return created;
        }, 640, 720);
        capture(videoWindow, onScreen(viewer.get(), cell, params), folder.resolve("video-view.png"));
        JFrame modelWindow = show("Model", () -> ModelCard.of(ShippedModels.unet()), 820, 820);
        capture(modelWindow, null, folder.resolve("model-view.png"));
        SwingUtilities.invokeAndWait(() -> {
            videoWindow.dispose();
            modelWindow.dispose();
        });
    }

    /**
     * @return where the centre of a cell is on the screen: the viewer draws the frame centred in the middle of its
     *         layout, enlarged by a whole number
     */
    private static Point onScreen(VideoViewer viewer, Roi cell, SyntheticParams params) {
        JComponent frame = (JComponent) ((BorderLayout) viewer.getLayout()).getLayoutComponent(BorderLayout.CENTER);
        int scale = Math.max(1, Math.min(frame.getWidth() / params.width(), frame.getHeight() / params.height()));
        Point origin = frame.getLocationOnScreen();
        return new Point(origin.x + (frame.getWidth() - scale * params.width()) / 2
                + (int) ((cell.centroidCol() + 0.5) * scale), origin.y + (frame.getHeight() - scale * params.height()) / 2
                + (int) ((cell.centroidRow() + 0.5) * scale));
    }

    private interface ViewFactory {
        JComponent create() throws Exception;
    }

    private static JFrame show(String title, ViewFactory factory, int width, int height) throws Exception {
        AtomicReference<JFrame> window = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                JFrame frame = new JFrame(title);
                frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                frame.setContentPane(factory.create());
                frame.setSize(width, height);
                frame.setLocation(0, 0);
                frame.setVisible(true);
                window.set(frame);
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return window.get();
    }

    /** Moves the mouse to {@code cursor} (a point on the screen, or null), waits for painting, saves the window. */
    private static void capture(JFrame window, Point cursor, Path file) throws Exception {
        Robot robot = new Robot();
        robot.waitForIdle();
        robot.delay(500);
        if (cursor != null) {
            robot.mouseMove(cursor.x, cursor.y);
            robot.waitForIdle();
            robot.delay(300);
        }
        Rectangle bounds = window.getContentPane().getBounds();
        Point origin = window.getContentPane().getLocationOnScreen();
        BufferedImage image = robot.createScreenCapture(new Rectangle(origin.x, origin.y, bounds.width,
                bounds.height));
        ImageIO.write(image, "png", file.toFile());
    }
}
