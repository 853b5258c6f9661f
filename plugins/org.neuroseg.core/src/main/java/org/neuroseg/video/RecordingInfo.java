package org.neuroseg.video;

/**
 * What is known of how a video was recorded, carried with its frames (store header, KNIME port) so that stages can
 * express time in seconds and sizes relative to the cells. Each fact is 0 when unknown. Recording facts are kept
 * apart from stage parameters: they describe the data, not what a stage does with it.
 *
 * @param frameRateHz frames per second, 0 when unknown
 * @param micronsPerPixel side of a pixel in the specimen in µm, 0 when unknown
 * @param cellDiameterPx typical diameter of a cell body in pixels, 0 when unknown
 */
public record RecordingInfo(double frameRateHz, double micronsPerPixel, double cellDiameterPx) {

    /** Nothing known. */
    public static final RecordingInfo UNKNOWN = new RecordingInfo(0, 0, 0);

    /**
     * The cell diameter stages assume for a recording that does not record one ({@link #cellDiameterPxOrDefault()}):
     * 8 px, the cells of the paper's recordings (512 x 512 pixels over a 750 µm field, cell bodies about 7 to 10 px).
     * Size parameters left at {@code auto} derive from it, so that their values at this diameter are the stages'
     * documented defaults.
     */
    public static final double DEFAULT_CELL_DIAMETER_PX = 8;

    /**
     * Checks that every fact is a finite number, 0 or positive.
     *
     * @throws IllegalArgumentException naming the fact and its value
     */
    public RecordingInfo {
        check("frame rate (Hz)", frameRateHz);
        check("pixel size (µm per pixel)", micronsPerPixel);
        check("cell diameter (px)", cellDiameterPx);
    }

    /** @return a recording of which only the frame rate (0 when unknown) is known */
    public static RecordingInfo ofFrameRate(double frameRateHz) {
        return new RecordingInfo(frameRateHz, 0, 0);
    }

    /**
     * @return the cell diameter in pixels that size parameters derive from: the recorded one, or
     *         {@link #DEFAULT_CELL_DIAMETER_PX} when it is unknown
     */
    public double cellDiameterPxOrDefault() {
        return cellDiameterPx > 0 ? cellDiameterPx : DEFAULT_CELL_DIAMETER_PX;
    }

    /** @return the same facts with another frame rate (0 when unknown) */
    public RecordingInfo withFrameRateHz(double newFrameRateHz) {
        return new RecordingInfo(newFrameRateHz, micronsPerPixel, cellDiameterPx);
    }

    /** @return the same facts with another pixel size (0 when unknown) */
    public RecordingInfo withMicronsPerPixel(double newMicronsPerPixel) {
        return new RecordingInfo(frameRateHz, newMicronsPerPixel, cellDiameterPx);
    }

    /** @return the same facts with another cell diameter (0 when unknown) */
    public RecordingInfo withCellDiameterPx(double newCellDiameterPx) {
        return new RecordingInfo(frameRateHz, micronsPerPixel, newCellDiameterPx);
    }

    private static void check(String fact, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("recording " + fact + " " + value
                    + " is invalid: expected a positive number, or 0 when unknown");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, frameRateHz, " Hz");
        append(text, micronsPerPixel, " µm/px");
        append(text, cellDiameterPx, " px cells");
        return text.length() == 0 ? "recording facts unknown" : text.toString();
    }

    private static void append(StringBuilder text, double value, String unit) {
        if (value > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(value).append(unit);
        }
    }
}
