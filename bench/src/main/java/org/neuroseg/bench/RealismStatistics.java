package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.segmentation.StrongActivityCoverage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.Video;

/**
 * Unit-free statistics that make a calcium-imaging video look real, measured the same way on every video so that
 * an 8-bit ΔF/F recording and 16-bit camera counts compare. Two streaming passes over the frames; memory grows with
 * the frame size and with (active pixels x frames), never with the whole video.
 *
 * <p>Per pixel: mean {@code m}, the noise variance {@code v = mean((x[t+1] - x[t])^2) / 2} (temporal differences
 * remove the slow signal), and the signal std {@code sqrt(max(0, var - v))}: the temporal variation the noise does
 * not explain (in shot-noise-limited recordings the plain std follows the brightness, so it marks bright pixels, not
 * cells). "High-passed" means minus a Gaussian blur of {@value #HIGH_PASS_SIGMA_PX} px. Active pixels are the top
 * {@value #ACTIVE_SHARE} of the high-passed signal-std image.
 */
final class RealismStatistics {

    /** Sigma of the Gaussian whose blur is subtracted to remove the background, in pixels. */
    static final double HIGH_PASS_SIGMA_PX = 10;
    /** Share of pixels (highest high-passed signal std) whose traces give the transient statistics. */
    static final double ACTIVE_SHARE = 0.02;
    /** Frequency band of the mean image's spectral exponent, cycles per pixel (periods 4-25 px: cells). */
    static final double[] CELL_BAND = {0.04, 0.25};
    /** Upper end of the background band, cycles per pixel (periods above 25 px); it starts at 2 cycles per crop. */
    static final double BACKGROUND_BAND_TOP = 0.04;
    /** Largest square crop of the frame centre used for spectra, in pixels. */
    static final int SPECTRUM_SIDE = 192;
    /** Event threshold, in standard deviations of the 3-frame mean's noise. */
    static final double EVENT_THRESHOLD = 4;
    /** Coverage threshold, in robust standard deviations (1.4826 MAD) of the high-passed signal-std image. */
    static final double COVERAGE_THRESHOLD = 3;
    /** Window of the moving average giving the slow background, in seconds. */
    static final double SLOW_WINDOW_SECONDS = 2;
    /**
     * Lag at which a uniform disk's autocorrelation (the overlap of two disks) falls to half, in diameters: solves
     * {@code (2 / pi) (acos(u) - u sqrt(1 - u^2)) = 1/2}.
     */
    static final double DISK_HALF_LAG = 0.4040;
    /** Lag of the spatial correlation of frame-to-frame changes, in pixels. */
    static final int CHANGE_CORRELATION_LAG_PX = 2;

    /**
     * The statistics of one video.
     *
     * @param noiseRelative median per-pixel noise std over the mean image's brightness range (95th - 5th percentile)
     * @param noiseSlope slope of the noise variance against the pixel mean (the gain, in raw counts)
     * @param noiseIntercept the noise variance at zero mean (read noise squared, when the offset is 0)
     * @param shotShare share of the noise variance at the bright (95th percentile) end that grows with brightness
     *     across the brightness range: {@code slope (m95 - m5) / v(m95)}
     * @param meanSpectrumExponent exponent of the radially averaged power spectrum of the mean image in
     *     {@link #CELL_BAND}
     * @param backgroundSpectrumExponent the same below {@link #BACKGROUND_BAND_TOP}
     * @param cellDiameterPx from the autocorrelation of the high-passed signal-std image, see {@link #diameter}
     * @param peakSnr median over active pixels of (peak of the 3-frame mean - median) / its noise std
     * @param peakDff median over active pixels of (peak of the 3-frame mean - median) / (median - dark), dark the
     *     1st percentile of the mean image
     * @param eventRateHz median over active pixels of events per second (3-frame mean above median +
     *     {@link #EVENT_THRESHOLD} noise std, ending below + 2)
     * @param coverage share of pixels whose high-passed signal std exceeds the median + {@link #COVERAGE_THRESHOLD}
     *     robust std
     * @param restingContrast (mean image inside covered pixels - in a ring 1-3 px around them) / median noise std
     * @param slowFluctuation std over time of the {@link #SLOW_WINDOW_SECONDS} moving average of the frame mean,
     *     over the median noise std of a pixel
     * @param changeCorrelation correlation of the frame-to-frame change (less its frame mean) between pixels
     *     {@link #CHANGE_CORRELATION_LAG_PX} apart along rows and columns: 0 for independent pixel noise, near 1 where
     *     the changes are smooth blobs (resized or compressed recordings, out-of-focus fluctuation)
     * @param frameWideChange how much the fine structure of the whole frame brightens and dims together: each
     *     frame's least-squares gain against the mean image, both high-passed, less 1; robust std over the frames
     *     (1.4826 MAD, so that a few dropped or glitched frames do not count). Neuropil texture or resting cells
     *     that follow a shared signal show here
     */
    record Result(double noiseRelative, double noiseSlope, double noiseIntercept, double shotShare,
            double meanSpectrumExponent, double backgroundSpectrumExponent, double cellDiameterPx, double peakSnr,
            double peakDff, double eventRateHz, double coverage, double restingContrast, double slowFluctuation,
            double changeCorrelation, double frameWideChange) {
    }

    private RealismStatistics() {
    }

    /** Measures {@code video} (one channel) at {@code frameRateHz}. */
    static Result measure(Video video, double frameRateHz) throws NeurosegException {
        int frames = video.shape().frames();
        int height = video.shape().height();
        int width = video.shape().width();
        int pixels = height * width;
        if (frames < 10) {
            throw new IllegalArgumentException(video.source() + " has " + frames + " frames; at least 10 needed");
        }
        double[] sum = new double[pixels];
        double[] sumSq = new double[pixels];
        double[] diffSq = new double[pixels];
        double[] frameMeans = new double[frames];
        float[] previous = new float[pixels];
        float[] frame = new float[pixels];
        double[] change = new double[pixels];
        double[] changeMoments = new double[2];
        for (int t = 0; t < frames; t++) {
            video.readFrame(t, frame);
            double total = 0;
            double changeTotal = 0;
            for (int p = 0; p < pixels; p++) {
                double x = frame[p];
                sum[p] += x;
                sumSq[p] += x * x;
                total += x;
                if (t > 0) {
                    double d = x - previous[p];
                    diffSq[p] += d * d;
                    change[p] = d;
                    changeTotal += d;
                }
            }
            if (t > 0) {
                addChangeMoments(change, changeTotal / pixels, height, width, changeMoments);
            }
            frameMeans[t] = total / pixels;
            float[] swap = previous;
            previous = frame;
            frame = swap;
        }
        float[] mean = new float[pixels];
        float[] signalStd = new float[pixels];
        double[] noiseVar = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            double m = sum[p] / frames;
            mean[p] = (float) m;
            noiseVar[p] = diffSq[p] / (2.0 * (frames - 1));
            signalStd[p] = (float) Math.sqrt(Math.max(0, sumSq[p] / frames - m * m - noiseVar[p]));
        }
        double[] noiseStd = Arrays.stream(noiseVar).map(Math::sqrt).toArray();
        double noise = median(noiseStd);
        double m5 = percentile(mean, 5);
        double m95 = percentile(mean, 95);
        double[] line = noiseLine(mean, noiseVar);
        double shotShare = line[0] * (m95 - m5) / (line[0] * m95 + line[1]);

        float[] stdHigh = highPass(signalStd, height, width);
        // Pixels whose noise explains all their variance (signal std 0) say nothing about the spread: where most
        // are such (a quiet background) their pile-up made the robust std 0 and every other pixel "covered".
        boolean[] varying = new boolean[pixels];
        int varyingCount = 0;
        for (int p = 0; p < pixels; p++) {
            varying[p] = signalStd[p] > 0;
            varyingCount += varying[p] ? 1 : 0;
        }
        boolean[] covered = varyingCount > 0 ? aboveRobust(stdHigh, COVERAGE_THRESHOLD, varying)
                : new boolean[pixels];
        int coveredCount = 0;
        for (boolean c : covered) {
            coveredCount += c ? 1 : 0;
        }
        double restingContrast = (meanOver(mean, covered, true) - meanOver(mean, ring(covered, height, width),
                true)) / noise;

        int[] active = topPixels(stdHigh, ACTIVE_SHARE);
        float[][] traces = traces(video, active);
        double dark = percentile(mean, 1);
        double[] snr = new double[active.length];
        double[] dff = new double[active.length];
        double[] rate = new double[active.length];
        for (int i = 0; i < active.length; i++) {
            double[] stats = transientStats(traces[i], noiseStd[active[i]], dark, frameRateHz);
            snr[i] = stats[0];
            dff[i] = stats[1];
            rate[i] = stats[2];
        }
        return new Result(noise / (m95 - m5), line[0], line[1], shotShare,
                spectrumExponent(mean, height, width, CELL_BAND[0], CELL_BAND[1]),
                spectrumExponent(mean, height, width, 0, BACKGROUND_BAND_TOP), diameter(stdHigh, height, width),
                median(snr), median(dff), median(rate), coveredCount / (double) pixels, restingContrast,
                slowFluctuation(frameMeans, frameRateHz) / noise, changeMoments[1] / changeMoments[0],
                frameWideChange(video, highPass(mean, height, width)));
    }

    /**
     * The robust std over the frames of each frame's gain against {@code meanHigh} (the high-passed mean image),
     * less 1. The high pass is linear and its blur symmetric, so a frame's product with the high-passed mean image
     * after its own high pass is its product with the high-passed mean image high-passed once more (up to the
     * frame's edges): one blur in all, not one per frame.
     */
    static double frameWideChange(Video video, float[] meanHigh) throws NeurosegException {
        int height = video.shape().height();
        int width = video.shape().width();
        float[] weights = highPass(meanHigh, height, width);
        double energy = 0;
        for (float value : meanHigh) {
            energy += value * (double) value;
        }
        if (!(energy > 0)) {
            return Double.NaN;
        }
        int frames = video.shape().frames();
        double[] change = new double[frames];
        float[] frame = new float[height * width];
        for (int t = 0; t < frames; t++) {
            video.readFrame(t, frame);
            double product = 0;
            for (int p = 0; p < frame.length; p++) {
                product += frame[p] * (double) weights[p];
            }
            change[t] = product / energy - 1;
        }
        double median = median(change);
        return 1.4826 * median(Arrays.stream(change).map(c -> Math.abs(c - median)).toArray());
    }

    /**
     * Adds to {@code moments} the sum of squares of {@code change - mean} and the sum of its products between
     * pixels {@link #CHANGE_CORRELATION_LAG_PX} apart along rows and along columns (each pair once, scaled to the
     * same count as the squares).
     */
    static void addChangeMoments(double[] change, double mean, int height, int width, double[] moments) {
        int lag = CHANGE_CORRELATION_LAG_PX;
        double squares = 0;
        double products = 0;
        long pairs = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = change[y * width + x] - mean;
                squares += d * d;
                if (x + lag < width) {
                    products += d * (change[y * width + x + lag] - mean);
                    pairs++;
                }
                if (y + lag < height) {
                    products += d * (change[(y + lag) * width + x] - mean);
                    pairs++;
                }
            }
        }
        moments[0] += squares;
        moments[1] += products * (height * (double) width) / pairs;
    }

    /**
     * Least-squares line through the medians of the noise variance in 20 bins of equal pixel count along the
     * pixel mean (medians make it robust to cells, whose activity inflates some pixels' variance).
     *
     * @return {slope, intercept}
     */
    static double[] noiseLine(float[] mean, double[] noiseVar) {
        Integer[] order = new Integer[mean.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(mean[a], mean[b]));
        int bins = 20;
        double[] x = new double[bins];
        double[] y = new double[bins];
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * order.length / bins);
            int to = (int) ((long) (b + 1) * order.length / bins);
            double[] means = new double[to - from];
            double[] vars = new double[to - from];
            for (int i = from; i < to; i++) {
                means[i - from] = mean[order[i]];
                vars[i - from] = noiseVar[order[i]];
            }
            x[b] = median(means);
            y[b] = median(vars);
        }
        return fitLine(x, y);
    }

    /** @return {slope, intercept} of the least-squares line */
    static double[] fitLine(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    /**
     * Exponent of the radially averaged power spectrum (slope of log power against log frequency) of the central
     * square crop (at most {@link #SPECTRUM_SIDE} px, mean removed, Hann window) in the band [low, high] cycles
     * per pixel; the band starts no lower than 2 cycles per crop.
     */
    static double spectrumExponent(float[] image, int height, int width, double low, double high) {
        int side = Math.min(SPECTRUM_SIDE, Math.min(height, width));
        int top = (height - side) / 2;
        int left = (width - side) / 2;
        double[][] re = new double[side][side];
        double total = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                total += image[(top + r) * width + left + c];
            }
        }
        double average = total / (side * side);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double window = hann(r, side) * hann(c, side);
                re[r][c] = (image[(top + r) * width + left + c] - average) * window;
            }
        }
        double[][] power = powerSpectrum(re);
        int maxK = side / 2;
        double[] sum = new double[maxK + 1];
        int[] count = new int[maxK + 1];
        for (int u = 0; u < side; u++) {
            int fu = u <= side / 2 ? u : u - side;
            for (int v = 0; v < side; v++) {
                int fv = v <= side / 2 ? v : v - side;
                int k = (int) Math.round(Math.hypot(fu, fv));
                if (k <= maxK) {
                    sum[k] += power[u][v];
                    count[k]++;
                }
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int k = 2; k <= maxK; k++) {
            double f = k / (double) side;
            if (f >= low && f <= high && sum[k] > 0) {
                points.add(new double[] {Math.log(f), Math.log(sum[k] / count[k])});
            }
        }
        if (points.size() < 2) {
            return Double.NaN;
        }
        return fitLine(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray())[0];
    }

    private static double hann(int i, int n) {
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
    }

    /** Power of the 2-D discrete Fourier transform by two passes of plain 1-D transforms (sides are small). */
    private static double[][] powerSpectrum(double[][] input) {
        int n = input.length;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        double[][] rowRe = new double[n][n];
        double[][] rowIm = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                double a = 0;
                double b = 0;
                for (int c = 0; c < n; c++) {
                    int index = (int) ((long) k * c % n);
                    a += input[r][c] * cos[index];
                    b -= input[r][c] * sin[index];
                }
                rowRe[r][k] = a;
                rowIm[r][k] = b;
            }
        }
        double[][] power = new double[n][n];
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                double a = 0;
                double b = 0;
                for (int r = 0; r < n; r++) {
                    int index = (int) ((long) u * r % n);
                    a += rowRe[r][v] * cos[index] + rowIm[r][v] * sin[index];
                    b += rowIm[r][v] * cos[index] - rowRe[r][v] * sin[index];
                }
                power[u][v] = a * a + b * b;
            }
        }
        return power;
    }

    /**
     * Cell diameter from the radially averaged spatial autocorrelation {@code A(d)} of a (background-removed)
     * image of cells: the zero-lag value without the pixel noise is extrapolated linearly from lags 1 and 2, the
     * lag where {@code A} first falls half-way from it to the profile's minimum within 20 px (the background
     * removal leaves a negative surround) is interpolated, and the diameter is that lag over
     * {@link #DISK_HALF_LAG} (exact for uniform disks scattered at random on an even background).
     */
    static double diameter(float[] image, int height, int width) {
        int maxLag = 20;
        double average = 0;
        for (float v : image) {
            average += v;
        }
        average /= image.length;
        double[] sum = new double[maxLag + 2];
        double[] distance = new double[maxLag + 2];
        int[] count = new int[maxLag + 2];
        for (int dy = 0; dy <= maxLag; dy++) {
            for (int dx = -maxLag; dx <= maxLag; dx++) {
                if (dy == 0 && dx < 0) {
                    continue;
                }
                double d = Math.hypot(dx, dy);
                int bin = (int) Math.round(d);
                if (bin > maxLag) {
                    continue;
                }
                double product = 0;
                long n = 0;
                for (int r = 0; r + dy < height; r++) {
                    for (int c = Math.max(0, -dx); c < width && c + dx < width; c++) {
                        product += (image[r * width + c] - average) * (image[(r + dy) * width + c + dx] - average);
                        n++;
                    }
                }
                sum[bin] += product / n;
                distance[bin] += d;
                count[bin]++;
            }
        }
        double[] a = new double[maxLag + 1];
        double[] lag = new double[maxLag + 1];
        for (int b = 0; b <= maxLag; b++) {
            a[b] = sum[b] / count[b];
            lag[b] = distance[b] / count[b];
        }
        double zero = a[1] - (a[2] - a[1]) * lag[1] / (lag[2] - lag[1]);
        double floor = Arrays.stream(a).min().orElse(0);
        double half = floor + (zero - floor) / 2;
        double previousLag = 0;
        double previousValue = zero;
        for (int b = 1; b <= maxLag; b++) {
            if (a[b] < half) {
                double fraction = (previousValue - half) / (previousValue - a[b]);
                return (previousLag + fraction * (lag[b] - previousLag)) / DISK_HALF_LAG;
            }
            previousLag = lag[b];
            previousValue = a[b];
        }
        return Double.NaN;
    }

    /** @return {@code image} minus its Gaussian blur of {@link #HIGH_PASS_SIGMA_PX} (edges replicated) */
    static float[] highPass(float[] image, int height, int width) {
        float[] blurred = blur(image, height, width, HIGH_PASS_SIGMA_PX);
        float[] out = new float[image.length];
        for (int p = 0; p < image.length; p++) {
            out[p] = image[p] - blurred[p];
        }
        return out;
    }

    /** Separable Gaussian blur, truncated at 3 sigma, edge pixels replicated. */
    static float[] blur(float[] image, int height, int width, double sigma) {
        int reach = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * reach + 1];
        double total = 0;
        for (int i = -reach; i <= reach; i++) {
            kernel[i + reach] = Math.exp(-i * i / (2 * sigma * sigma));
            total += kernel[i + reach];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        float[] rows = new float[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * image[r * width + Math.max(0, Math.min(width - 1, c + i))];
                }
                rows[r * width + c] = (float) v;
            }
        }
        float[] out = new float[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * rows[Math.max(0, Math.min(height - 1, r + i)) * width + c];
                }
                out[r * width + c] = (float) v;
            }
        }
        return out;
    }

    /**
     * @param counted the pixels whose values give the median and the robust standard deviation (at least one)
     * @return pixels above the median + {@code k} robust standard deviations (1.4826 MAD) of the counted pixels
     */
    static boolean[] aboveRobust(float[] image, double k, boolean[] counted) {
        int count = 0;
        for (boolean c : counted) {
            count += c ? 1 : 0;
        }
        float[] values = new float[count];
        for (int p = 0, i = 0; p < image.length; p++) {
            if (counted[p]) {
                values[i++] = image[p];
            }
        }
        double median = percentile(values, 50);
        float[] deviations = new float[count];
        for (int i = 0; i < count; i++) {
            deviations[i] = (float) Math.abs(values[i] - median);
        }
        double threshold = median + k * 1.4826 * percentile(deviations, 50);
        boolean[] above = new boolean[image.length];
        for (int p = 0; p < image.length; p++) {
            above[p] = image[p] > threshold;
        }
        return above;
    }

    /** @return pixels outside {@code mask} within 3 px (chessboard distance) of it, but not the first pixel */
    private static boolean[] ring(boolean[] mask, int height, int width) {
        boolean[] near = dilate(mask, height, width, 3);
        boolean[] touching = dilate(mask, height, width, 1);
        boolean[] ring = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            ring[p] = near[p] && !touching[p];
        }
        return ring;
    }

    private static boolean[] dilate(boolean[] mask, int height, int width, int radius) {
        boolean[] out = new boolean[mask.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (mask[r * width + c]) {
                    for (int rr = Math.max(0, r - radius); rr <= Math.min(height - 1, r + radius); rr++) {
                        for (int cc = Math.max(0, c - radius); cc <= Math.min(width - 1, c + radius); cc++) {
                            out[rr * width + cc] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double meanOver(float[] image, boolean[] mask, boolean value) {
        double total = 0;
        long n = 0;
        for (int p = 0; p < image.length; p++) {
            if (mask[p] == value) {
                total += image[p];
                n++;
            }
        }
        return n == 0 ? Double.NaN : total / n;
    }

    /** @return indices of the {@code share} of pixels with the highest values (at least one) */
    static int[] topPixels(float[] image, double share) {
        int n = Math.max(1, (int) Math.round(share * image.length));
        Integer[] order = new Integer[image.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(image[b], image[a]));
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        Arrays.sort(top);
        return top;
    }

    private static float[][] traces(Video video, int[] pixels) throws NeurosegException {
        int frames = video.shape().frames();
        float[][] traces = new float[pixels.length][frames];
        float[] frame = new float[video.shape().pixelsPerPlane()];
        for (int t = 0; t < frames; t++) {
            video.readFrame(t, frame);
            for (int i = 0; i < pixels.length; i++) {
                traces[i][t] = frame[pixels[i]];
            }
        }
        return traces;
    }

    /**
     * @param noiseStd the pixel's noise std from temporal differences
     * @return {peak SNR, peak ΔF/F, events per second} of one trace, see {@link Result}
     */
    static double[] transientStats(float[] trace, double noiseStd, double dark, double frameRateHz) {
        int frames = trace.length;
        double[] smooth = new double[frames];
        for (int t = 0; t < frames; t++) {
            int from = Math.max(0, t - 1);
            int to = Math.min(frames - 1, t + 1);
            double total = 0;
            for (int s = from; s <= to; s++) {
                total += trace[s];
            }
            smooth[t] = total / (to - from + 1);
        }
        double baseline = percentile(trace, 50);
        double sigma = noiseStd / Math.sqrt(3);
        double peak = Arrays.stream(smooth).max().orElse(baseline) - baseline;
        int events = 0;
        boolean inEvent = false;
        for (double v : smooth) {
            if (!inEvent && v > baseline + EVENT_THRESHOLD * sigma) {
                events++;
                inEvent = true;
            } else if (inEvent && v < baseline + 2 * sigma) {
                inEvent = false;
            }
        }
        return new double[] {sigma > 0 ? peak / sigma : Double.NaN, peak / (baseline - dark),
            events / (frames / frameRateHz)};
    }

    /** @return the std over time of the moving average ({@link #SLOW_WINDOW_SECONDS}) of the frame means */
    static double slowFluctuation(double[] frameMeans, double frameRateHz) {
        int half = Math.max(1, (int) Math.round(SLOW_WINDOW_SECONDS * frameRateHz / 2));
        int frames = frameMeans.length;
        double[] slow = new double[frames];
        for (int t = 0; t < frames; t++) {
            int from = Math.max(0, t - half);
            int to = Math.min(frames - 1, t + half);
            double total = 0;
            for (int s = from; s <= to; s++) {
                total += frameMeans[s];
            }
            slow[t] = total / (to - from + 1);
        }
        double mean = Arrays.stream(slow).average().orElse(0);
        return Math.sqrt(Arrays.stream(slow).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    }

    /**
     * What the U-Net reads of a video: its Activity Frames ({@link ActivityFramesStage}, default settings: each pixel's
     * rise above its running baseline in units of its own noise).
     *
     * @param medianPeak each pixel's peak over the video, median over the pixels: about 3 where only noise moves (the
     *        largest of a few hundred noise samples), higher where most pixels see a cell, out-of-focus light or
     *        neuropil flash
     * @param strongShare the share of all pixels of all frames at {@link StrongActivityCoverage#STRONG_NOISE_UNITS}
     *        noise units or more: the activity a U-Net that suits the recording marks for the most part
     */
    record Activity(double medianPeak, double strongShare) {
    }

    /**
     * @param work a folder for the Activity Frames (a file as large as the video as float32)
     * @return the {@link Activity} statistics of the video
     */
    static Activity activity(Video video, double frameRateHz, Path work) throws Exception {
        Parameters parameters = ActivityFramesStage.INSTANCE.defaults()
                .with(ActivityFramesStage.FRAME_RATE.key(), frameRateHz);
        Path file = ActivityFramesStage.compute(video, parameters, work.resolve("activity.nsv"), ProgressMonitor.NONE);
        try (Video activity = VideoFormats.open(file)) {
            int pixels = activity.shape().pixelsPerFrame();
            float[] frame = new float[pixels];
            double[] peak = new double[pixels];
            Arrays.fill(peak, Double.NEGATIVE_INFINITY);
            long strong = 0;
            for (int t = 0; t < activity.shape().frames(); t++) {
                activity.readFrame(t, frame);
                for (int p = 0; p < pixels; p++) {
                    // NaN (pixels without a noise estimate) never counts as a peak, nor as strong
                    peak[p] = frame[p] > peak[p] ? frame[p] : peak[p];
                    strong += frame[p] >= StrongActivityCoverage.STRONG_NOISE_UNITS ? 1 : 0;
                }
            }
            return new Activity(median(peak), strong / ((double) pixels * activity.shape().frames()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return the {@code percent} percentile (nearest rank) */
    static double percentile(float[] values, double percent) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(percent / 100 * (sorted.length - 1))));
        return sorted[index];
    }
}
