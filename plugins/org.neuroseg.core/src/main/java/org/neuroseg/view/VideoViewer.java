package org.neuroseg.view;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Shows a video one frame at a time, for any frame size, channel count and pixel type: a frame slider, play and
 * stop, a channel choice for videos of several channels, a contrast (by default {@link Contrast#auto} of each frame,
 * or a minimum and maximum the user sets) and a status line with the frame number, its time and the pixel value
 * under the cursor. Only the frame shown is read, one channel of it, so videos of any length are shown with a small
 * heap.
 *
 * <p>The viewer owns the video it opens: it closes it when it is removed from the screen (its window closed) and on
 * {@link #close()}, and opens it again through its {@link Opener} when it next needs a frame. Use it on the Swing
 * event thread.
 */
public final class VideoViewer extends JPanel implements AutoCloseable {

    /** Opens the video to show; called when the viewer is made and again when it needs frames after a close. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return the video, which the viewer closes
         * @throws NeurosegException when the video cannot be opened
         */
        Video open() throws NeurosegException;
    }

    /** Playing speed when the frame rate is unknown, frames per second (our choice). */
    static final double UNKNOWN_RATE_PLAY_FPS = 10;
    /** Fastest playing speed, frames per second: faster recordings play slower than recorded (our choice). */
    static final double MAX_PLAY_FPS = 50;
    /** The frame panel asks for room to show the longer side of a frame at least this many screen pixels. */
    private static final int MIN_PREFERRED_SIDE = 256;
    /** ... and at most this many (larger frames are shown reduced). */
    private static final int MAX_PREFERRED_SIDE = 768;

    private final Opener opener;
    private final VideoShape shape;
    private final RecordingInfo recording;
    private final float[] plane;
    private Video video;
    private int frame;
    private int channel;
    private boolean autoContrast = true;
    private Contrast contrast = new Contrast(0, 1);
    private BufferedImage image;
    /** Why the frame shown is not the frame chosen (it could not be read), or null. */
    private String readError;
    /** The pixel under the cursor, or null. */
    private Point cursor;
    /** True while the controls are set from the code, so that their listeners do not act on it. */
    private boolean updatingControls;

    private final FramePanel framePanel;
    private final JSlider slider;
    private final JButton playButton = new JButton("Play");
    private final Timer timer;
    private final JCheckBox autoBox = new JCheckBox("auto (" + (int) Contrast.AUTO_LOW_PERCENTILE + "st to "
            + (int) Contrast.AUTO_HIGH_PERCENTILE + "th percentile)", true);
    private final JSpinner minimumSpinner;
    private final JSpinner maximumSpinner;
    private final JLabel status = new JLabel(" ");
    private final JComboBox<String> channelBox = new JComboBox<>();

    /**
     * Opens the video and shows its first frame.
     *
     * @throws NeurosegException when the video cannot be opened
     */
    public VideoViewer(Opener opener) throws NeurosegException {
        super(new BorderLayout());
        this.opener = opener;
        this.video = opener.open();
        this.shape = video.shape();
        this.recording = video.recording();
        this.plane = new float[shape.pixelsPerPlane()];
        setName("Video");
        framePanel = new FramePanel();
        slider = new JSlider(0, Math.max(0, shape.frames() - 1), 0);
        slider.addChangeListener(e -> load(slider.getValue()));
        timer = new Timer((int) Math.round(1000 / playRate()), e -> advance());
        playButton.addActionListener(e -> {
            if (isPlaying()) {
                stop();
            } else {
                play();
            }
        });
        boolean integral = shape.pixelType() != PixelType.FLOAT32;
        minimumSpinner = spinner(integral);
        maximumSpinner = spinner(integral);
        autoBox.addActionListener(e -> {
            if (autoBox.isSelected()) {
                setAutoContrast();
            } else {
                setContrast(contrast);
            }
        });
        minimumSpinner.addChangeListener(e -> contrastTyped());
        maximumSpinner.addChangeListener(e -> contrastTyped());
        JLabel title = new JLabel(shape + ", " + recording + ": " + video.source());
        title.setToolTipText(video.source());
        title.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        add(title, BorderLayout.NORTH);
        add(framePanel, BorderLayout.CENTER);
        add(controls(), BorderLayout.SOUTH);
        if (shape.frames() == 0) {
            slider.setEnabled(false);
            playButton.setEnabled(false);
            render();
        } else {
            load(0);
        }
    }

    private static JSpinner spinner(boolean integral) {
        JSpinner spinner = new JSpinner(new SpinnerNumberModel(Double.valueOf(0), null, null,
                Double.valueOf(1)));
        spinner.setEditor(new JSpinner.NumberEditor(spinner, integral ? "0" : "0.######"));
        spinner.setPreferredSize(new Dimension(110, spinner.getPreferredSize().height));
        spinner.setEnabled(false);
        return spinner;
    }

    private JComponent controls() {
        JPanel playRow = new JPanel(new BorderLayout(6, 0));
        playRow.add(playButton, BorderLayout.WEST);
        playRow.add(slider, BorderLayout.CENTER);
        JPanel contrastRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        if (shape.channels() > 1) {
            for (int c = 0; c < shape.channels(); c++) {
                channelBox.addItem("channel " + c);
            }
            channelBox.addActionListener(e -> {
                if (!updatingControls) {
                    setChannel(channelBox.getSelectedIndex());
                }
            });
            contrastRow.add(channelBox);
            contrastRow.add(Box.createHorizontalStrut(12));
        }
        contrastRow.add(new JLabel("Contrast:"));
        contrastRow.add(autoBox);
        contrastRow.add(new JLabel("min"));
        contrastRow.add(minimumSpinner);
        contrastRow.add(new JLabel("max"));
        contrastRow.add(maximumSpinner);
        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        rows.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        for (JComponent row : new JComponent[] {playRow, contrastRow, status}) {
            row.setAlignmentX(LEFT_ALIGNMENT);
            rows.add(row);
        }
        return rows;
    }

    /** @return frames per second while playing: the recording's rate up to {@value #MAX_PLAY_FPS} */
    private double playRate() {
        double rate = recording.frameRateHz() > 0 ? recording.frameRateHz() : UNKNOWN_RATE_PLAY_FPS;
        return Math.min(rate, MAX_PLAY_FPS);
    }

    /**
     * Shows a frame.
     *
     * @throws IndexOutOfBoundsException when index is outside [0, frames)
     */
    public void showFrame(int index) {
        shape.checkFrame(index);
        slider.setValue(index);
    }

    /** @return the index of the frame shown, from 0 */
    public int frame() {
        return frame;
    }

    /**
     * Shows another channel of the frame.
     *
     * @throws IndexOutOfBoundsException when channel is outside [0, channels)
     */
    public void setChannel(int newChannel) {
        if (newChannel < 0 || newChannel >= shape.channels()) {
            throw new IndexOutOfBoundsException("channel " + newChannel + " of a video with " + shape.channels()
                    + " channels");
        }
        channel = newChannel;
        if (shape.frames() > 0) {
            load(frame);
        }
    }

    /** Shows every frame from now on with this contrast, until {@link #setAutoContrast()}. */
    public void setContrast(Contrast manual) {
        autoContrast = false;
        contrast = manual;
        render();
    }

    /** Gives every frame from now on its own {@link Contrast#auto} contrast (the default). */
    public void setAutoContrast() {
        autoContrast = true;
        contrast = Contrast.auto(plane);
        render();
    }

    /** @return the contrast of the frame shown */
    public Contrast contrast() {
        return contrast;
    }

    /** @return the status line: frame, time, and the pixel under the cursor or why a frame could not be shown */
    public String statusText() {
        return status.getText();
    }

    /** Plays the video from the frame shown, at its frame rate (at most {@value #MAX_PLAY_FPS} per second). */
    public void play() {
        if (shape.frames() > 1) {
            timer.start();
            playButton.setText("Stop");
        }
    }

    /** Stops playing. */
    public void stop() {
        timer.stop();
        playButton.setText("Play");
    }

    /** @return whether the video is playing */
    public boolean isPlaying() {
        return timer.isRunning();
    }

    /** Shows the next frame while playing, the first after the last; stops when a frame cannot be read. */
    void advance() {
        showFrame((frame + 1) % shape.frames());
        if (readError != null) {
            stop();
        }
    }

    /** @return the frame slider, for moving it in tests */
    JSlider slider() {
        return slider;
    }

    /** @return the component the frame is drawn on, for rendering it in tests */
    JComponent framePanel() {
        return framePanel;
    }

    /** Stops playing and closes the video; it is opened again when a frame is next shown. */
    @Override
    public void close() {
        stop();
        if (video != null) {
            try {
                video.close();
            } catch (IOException e) {
                // the video was only read: closing it cannot lose data, and the view is going away
            }
            video = null;
        }
    }

    @Override
    public void addNotify() {
        super.addNotify();
        if (video == null && shape.frames() > 0) {
            load(frame);
        }
    }

    @Override
    public void removeNotify() {
        close();
        super.removeNotify();
    }

    private void load(int index) {
        frame = index;
        try {
            if (video == null) {
                video = opener.open();
            }
            video.readChannel(index, channel, plane);
            readError = null;
        } catch (NeurosegException | RuntimeException e) {
            readError = "cannot show frame " + index + ": " + e.getMessage();
        }
        if (readError == null && autoContrast) {
            contrast = Contrast.auto(plane);
        }
        render();
    }

    private void render() {
        image = contrast.render(plane, shape.width(), shape.height());
        updatingControls = true;
        try {
            autoBox.setSelected(autoContrast);
            if (shape.channels() > 1) {
                channelBox.setSelectedIndex(channel);
            }
            minimumSpinner.setEnabled(!autoContrast);
            maximumSpinner.setEnabled(!autoContrast);
            minimumSpinner.setValue(contrast.min());
            maximumSpinner.setValue(contrast.max());
            double step = shape.pixelType() == PixelType.FLOAT32
                    ? Math.pow(10, Math.floor(Math.log10((contrast.max() - contrast.min()) / 100))) : 1;
            ((SpinnerNumberModel) minimumSpinner.getModel()).setStepSize(step);
            ((SpinnerNumberModel) maximumSpinner.getModel()).setStepSize(step);
        } finally {
            updatingControls = false;
        }
        updateStatus();
        framePanel.repaint();
    }

    private void contrastTyped() {
        if (updatingControls) {
            return;
        }
        double min = ((Number) minimumSpinner.getValue()).doubleValue();
        double max = ((Number) maximumSpinner.getValue()).doubleValue();
        if (max > min) {
            setContrast(new Contrast(min, max));
        } else {
            // a range that shows nothing: keep the last valid one, and say so
            render();
            status.setText("The contrast maximum must be above the minimum; kept " + format(contrast.min())
                    + " to " + format(contrast.max()));
        }
    }

    private void updateStatus() {
        if (shape.frames() == 0) {
            status.setText("The video has no frames");
            return;
        }
        StringBuilder text = new StringBuilder("frame ").append(frame).append(" of 0 to ").append(shape.frames() - 1);
        text.append("   ").append(recording.frameRateHz() > 0
                ? String.format(Locale.ROOT, "%.3f s", frame / recording.frameRateHz())
                : "time unknown (no frame rate)");
        if (shape.channels() > 1) {
            text.append("   channel ").append(channel);
        }
        if (readError != null) {
            text.append("   ").append(readError);
        } else if (cursor != null) {
            text.append("   x ").append(cursor.x).append(", y ").append(cursor.y).append(": ")
                    .append(format(plane[cursor.y * shape.width() + cursor.x]));
        }
        status.setText(text.toString());
    }

    private String format(double value) {
        if (shape.pixelType() != PixelType.FLOAT32 && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** Draws the frame as large as fits, centred; whole-number magnification when it is enlarged. */
    private final class FramePanel extends JComponent {

        FramePanel() {
            setOpaque(true);
            setBackground(Color.DARK_GRAY);
            int longer = Math.max(shape.width(), shape.height());
            double scale = longer < MIN_PREFERRED_SIDE ? Math.floor(MIN_PREFERRED_SIDE / (double) longer)
                    : Math.min(1, MAX_PREFERRED_SIDE / (double) longer);
            setPreferredSize(new Dimension((int) Math.ceil(shape.width() * scale),
                    (int) Math.ceil(shape.height() * scale)));
            MouseAdapter mouse = new MouseAdapter() {
                @Override
                public void mouseMoved(MouseEvent e) {
                    cursor = pixelAt(e.getX(), e.getY());
                    updateStatus();
                }

                @Override
                public void mouseDragged(MouseEvent e) {
                    mouseMoved(e);
                }

                @Override
                public void mouseExited(MouseEvent e) {
                    cursor = null;
                    updateStatus();
                }
            };
            addMouseListener(mouse);
            addMouseMotionListener(mouse);
        }

        /** @return screen pixels per frame pixel */
        private double scale() {
            double fit = Math.min(getWidth() / (double) shape.width(), getHeight() / (double) shape.height());
            return fit >= 1 ? Math.floor(fit) : fit;
        }

        private int left() {
            return (int) ((getWidth() - shape.width() * scale()) / 2);
        }

        private int top() {
            return (int) ((getHeight() - shape.height() * scale()) / 2);
        }

        /** @return the frame pixel at a point of this panel, or null outside the frame */
        private Point pixelAt(int x, int y) {
            double scale = scale();
            int column = (int) Math.floor((x - left()) / scale);
            int row = (int) Math.floor((y - top()) / scale);
            return scale > 0 && column >= 0 && column < shape.width() && row >= 0 && row < shape.height()
                    ? new Point(column, row) : null;
        }

        @Override
        protected void paintComponent(Graphics graphics) {
            Graphics2D g = (Graphics2D) graphics.create();
            try {
                g.setColor(getBackground());
                g.fillRect(0, 0, getWidth(), getHeight());
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                double scale = scale();
                g.drawImage(image, left(), top(), (int) Math.round(shape.width() * scale),
                        (int) Math.round(shape.height() * scale), null);
            } finally {
                g.dispose();
            }
        }
    }
}
