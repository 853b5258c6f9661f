package org.neuroseg.segmentation;

import java.util.Arrays;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.imaging.GaussianFilter;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.imaging.Statistics;

/**
 * Finds bright round blobs (cell bodies) in one frame with a 2-D Difference of Gaussians (T. Lindeberg, "Feature
 * detection with automatic scale selection", IJCV 30(2), 1998): the DoG with {@code sigma1 = r / sqrt(2)} responds
 * most to disks of radius r; {@code sigma2 = ratio x sigma1}. Local maxima of the response above a threshold in
 * units of the response's noise are blob centres. How the noise is measured depends on what the frames show. Frames
 * full of cells (raw or equalized frames): the frame's pixel noise, estimated robustly from differences of
 * horizontally adjacent pixels (1.4826 x MAD / sqrt 2: cells and background barely change from one pixel to the
 * next, and a minority of edges does not move a median), times the DoG's gain for white noise (the L2 norm of its
 * kernel); measuring the noise on the response itself would mistake the dense cells for noise. Frames that show
 * few cells (a frame minus its baseline, activity frames): the larger of that and the robust spread of the response
 * itself, which also measures noise that neighbouring pixels share (downsampled, JPEG-compressed or filtered
 * recordings: the pixel differences miss it, and on a real miniscope session a fifth of every frame became blobs).
 * Cells may be larger than the radius given: the detector then filters at several radii from r up to a largest
 * one (steps of 2^(1/3)) and each pixel takes the radius whose response is strongest, Lindeberg's scale selection
 * (the DoG with a fixed sigma ratio is already scale-normalised: it approximates (ratio - 1) sigma^2 times the
 * Laplacian). Blob centres are the local maxima of that strongest response above the threshold, which is the
 * largest of the radii's thresholds: with one threshold on the scale-normalised response a large cell is kept as
 * strong as a small one must be, and the low noise of wide filters does not let background patches through.
 * Strongest first, each centre not yet inside a blob grows into a disk of its radius r or into the connected pixels
 * around it whose response is at least half its peak (within 2r of it).
 *
 * <p>Owns buffers (native ones among them) for one frame size: not thread-safe; use one detector per thread and
 * close it.
 */
public final class BlobDetector implements AutoCloseable {

    /** How a blob centre is grown into a blob. */
    public enum Shape {
        /** A disk of the expected cell radius. */
        DISK,
        /** The connected pixels with at least half the centre's response, within twice the radius. */
        REGION
    }

    /** Every n-th pixel enters the noise estimate; odd so that it does not alias with rows. */
    private static final int NOISE_STRIDE = 7;
    private static final double SQRT2 = Math.sqrt(2);
    private static final float REGION_FRACTION = 0.5f;

    /** Ratio of neighbouring radii when the detector selects among several. */
    private static final double RADIUS_STEP = Math.cbrt(2);

    private final int height;
    private final int width;
    private final double[] radii;
    private final double sigmaRatio;
    private final double thresholdNoise;
    private final Shape shape;
    private final double[] noiseGains;
    private final boolean sparse;
    /** Per radius, the DoG response of the frame (with one radius, {@link #response} itself). */
    private final float[][] responses;
    /** Per pixel, the strongest response over the radii, and which radius gave it. */
    private final float[] response;
    private final byte[] radiusIndex;
    private final GaussianFilter filter;
    private final int[] queue;
    private final boolean[] visited;

    /**
     * @param radiusPx expected cell radius in px, at least 0.5
     * @param largestRadiusPx largest blob radius in px, at least {@code radiusPx}; equal for blobs of one size
     * @param sigmaRatio sigma2 / sigma1, above 1
     * @param thresholdNoise peaks must exceed this many robust noise standard deviations of the response, above 0
     * @param shape how a centre grows into a blob
     * @param sparse true when the frames show few cells (a frame minus its baseline, activity frames), so that the
     *        response's own spread may count as noise
     * @throws NeurosegException when OpenCV's native library cannot be loaded (it filters the frames)
     */
    public BlobDetector(int height, int width, double radiusPx, double largestRadiusPx, double sigmaRatio,
            double thresholdNoise, Shape shape, boolean sparse) throws NeurosegException {
        if (!(radiusPx >= 0.5) || !(largestRadiusPx >= radiusPx) || !(sigmaRatio > 1) || !(thresholdNoise > 0)) {
            throw new IllegalArgumentException("need radius >= 0.5 px, largest radius >= radius, sigma ratio > 1 "
                    + "and threshold > 0, got " + radiusPx + ", " + largestRadiusPx + ", " + sigmaRatio + ", "
                    + thresholdNoise);
        }
        this.height = height;
        this.width = width;
        this.radii = radii(radiusPx, largestRadiusPx);
        this.sigmaRatio = sigmaRatio;
        this.thresholdNoise = thresholdNoise;
        this.shape = shape;
        this.sparse = sparse;
        int pixels = height * width;
        response = new float[pixels];
        noiseGains = new double[radii.length];
        responses = new float[radii.length][];
        for (int k = 0; k < radii.length; k++) {
            noiseGains[k] = dogNoiseGain(radii[k] / Math.sqrt(2), sigmaRatio * radii[k] / Math.sqrt(2));
            responses[k] = radii.length == 1 ? response : new float[pixels];
        }
        radiusIndex = new byte[pixels];
        queue = new int[pixels];
        visited = new boolean[pixels];
        filter = new GaussianFilter(height, width);
    }

    /** @return radii from {@code smallest} to {@code largest} in steps of about {@link #RADIUS_STEP} */
    static double[] radii(double smallest, double largest) {
        int steps = (int) Math.ceil(Math.log(largest / smallest) / Math.log(RADIUS_STEP) - 1e-9);
        double[] radii = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            radii[k] = steps == 0 ? smallest : smallest * Math.pow(largest / smallest, k / (double) steps);
        }
        return radii;
    }

    /** Releases the native buffers. */
    @Override
    public void close() {
        filter.close();
    }

    /** @return the radii the detector selects among, smallest first (one for blobs of one size) */
    public double[] radii() {
        return radii.clone();
    }

    /**
     * Detects the blobs of one frame.
     *
     * @param frame height x width, row-major (a frame, or a frame minus its baseline); not changed
     * @param blobs receives the blob pixels (cleared first)
     * @return the number of blobs
     */
    public int detect(float[] frame, boolean[] blobs) {
        return detect(frame, blobs, new int[radii.length]);
    }

    /**
     * Detects the blobs of one frame and counts them by radius.
     *
     * @param frame height x width, row-major (a frame, or a frame minus its baseline); not changed
     * @param blobs receives the blob pixels (cleared first)
     * @param blobsPerRadius one count per radius of {@link #radii()}: each blob adds one at its radius
     * @return the number of blobs
     */
    public int detect(float[] frame, boolean[] blobs, int[] blobsPerRadius) {
        Arrays.fill(blobs, false);
        double pixelNoise = pixelNoise(frame);
        float threshold = Float.MIN_NORMAL;
        for (int k = 0; k < radii.length; k++) {
            float[] target = responses[k];
            double sigmaNarrow = radii[k] / Math.sqrt(2);
            filter.differenceOfGaussians(frame, sigmaNarrow, sigmaRatio * sigmaNarrow, target);
            double noise = noiseGains[k] * pixelNoise;
            if (sparse) {
                noise = Math.max(noise, Statistics.robustSigma(target, NOISE_STRIDE));
            }
            threshold = (float) Math.max(threshold, thresholdNoise * noise);
        }
        if (radii.length > 1) {
            selectRadii();
        }
        long[] peaks = peaks(threshold);
        int count = 0;
        for (long peak : peaks) {
            int i = (int) peak;
            if (!blobs[i]) {
                grow(i, blobs);
                blobsPerRadius[radiusIndex[i]]++;
                count++;
            }
        }
        return count;
    }

    /** Per pixel, the strongest response over the radii and its radius. */
    private void selectRadii() {
        for (int i = 0; i < response.length; i++) {
            int best = 0;
            for (int k = 1; k < radii.length; k++) {
                if (responses[k][i] > responses[best][i]) {
                    best = k;
                }
            }
            response[i] = responses[best][i];
            radiusIndex[i] = (byte) best;
        }
    }

    /** @return the robust standard deviation of the pixel noise of {@code frame} */
    double pixelNoise(float[] frame) {
        int samples = 0;
        float[] differences = new float[frame.length / NOISE_STRIDE + 1];
        for (int i = 0; i < frame.length - 1; i += NOISE_STRIDE) {
            if ((i + 1) % width != 0) {
                differences[samples++] = frame[i + 1] - frame[i];
            }
        }
        if (samples == 0) {
            return 0;
        }
        return Statistics.robustSigma(Arrays.copyOf(differences, samples), 1) / SQRT2;
    }

    /** @return the L2 norm of the 2-D kernel G(sigmaNarrow) - G(sigmaWide): the response to unit white noise */
    static double dogNoiseGain(double sigmaNarrow, double sigmaWide) {
        float[] narrow = Gaussian.halfKernel(sigmaNarrow);
        float[] wide = Gaussian.halfKernel(sigmaWide);
        double nn = 0;
        double ww = 0;
        double nw = 0;
        for (int i = -wide.length + 1; i < wide.length; i++) {
            double n = Math.abs(i) < narrow.length ? narrow[Math.abs(i)] : 0;
            double w = wide[Math.abs(i)];
            nn += n * n;
            ww += w * w;
            nw += n * w;
        }
        return Math.sqrt(nn * nn - 2 * nw * nw + ww * ww);
    }

    /** Local maxima (3 x 3) above the threshold, as (sortable response bits << 32 | index), strongest first. */
    private long[] peaks(float threshold) {
        long[] found = new long[64];
        int count = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float value = response[row + x];
                if (value > threshold && isLocalMaximum(value, y, x)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, 2 * count);
                    }
                    // Positive floats order like their bit patterns.
                    found[count++] = ((long) Float.floatToIntBits(value) << 32) | (row + x);
                }
            }
        }
        long[] peaks = Arrays.copyOf(found, count);
        Arrays.sort(peaks);
        for (int i = 0; i < count / 2; i++) {
            long swap = peaks[i];
            peaks[i] = peaks[count - 1 - i];
            peaks[count - 1 - i] = swap;
        }
        return peaks;
    }

    private boolean isLocalMaximum(float value, int y, int x) {
        for (int dy = -1; dy <= 1; dy++) {
            int ny = y + dy;
            if (ny < 0 || ny >= height) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                if (nx >= 0 && nx < width && response[ny * width + nx] > value) {
                    return false;
                }
            }
        }
        return true;
    }

    private void grow(int centre, boolean[] blobs) {
        int cy = centre / width;
        int cx = centre % width;
        int scale = radiusIndex[centre];
        double radiusPx = radii[scale];
        if (shape == Shape.DISK) {
            Morphology.drawDisk(blobs, height, width, cy, cx, radiusPx);
            return;
        }
        // the region grows on the response of the centre's radius
        float[] grown = responses[scale];
        float floor = REGION_FRACTION * grown[centre];
        double reach = 4 * radiusPx * radiusPx;
        queue[0] = centre;
        visited[centre] = true;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            blobs[i] = true;
            int y = i / width;
            int x = i % width;
            int[] neighbours = {y > 0 ? i - width : -1, y < height - 1 ? i + width : -1, x > 0 ? i - 1 : -1,
                x < width - 1 ? i + 1 : -1};
            for (int n : neighbours) {
                if (n >= 0 && !visited[n] && !blobs[n] && grown[n] >= floor) {
                    int dy = n / width - cy;
                    int dx = n % width - cx;
                    if (dy * dy + dx * dx <= reach) {
                        visited[n] = true;
                        queue[tail++] = n;
                    }
                }
            }
        }
        for (int k = 0; k < tail; k++) {
            visited[queue[k]] = false;
        }
    }
}
