package org.neuroseg.view;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * How pixel values become shades of grey: {@code min} and below are black, {@code max} and above white, linear in
 * between. NaN pixels are black.
 *
 * @param min the value shown black, finite
 * @param max the value shown white, finite and above {@code min}
 */
public record Contrast(double min, double max) {

    /** Lower percentile of {@link #auto}. */
    public static final double AUTO_LOW_PERCENTILE = 1;
    /** Upper percentile of {@link #auto}. */
    public static final double AUTO_HIGH_PERCENTILE = 99;
    /**
     * Most pixels {@link #auto} sorts; larger planes are sampled at an even stride, so that playing a video of
     * large frames is not held up by sorting (our number: a 512 x 512 plane is sorted whole).
     */
    static final int MAX_SORTED_PIXELS = 512 * 512;

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException naming both values when either is not finite or {@code max <= min}
     */
    public Contrast {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("contrast minimum " + min + " and maximum " + max
                    + " are invalid: expected finite numbers with the maximum above the minimum");
        }
    }

    /**
     * The contrast that shows most of a plane: its {@value #AUTO_LOW_PERCENTILE}st and
     * {@value #AUTO_HIGH_PERCENTILE}th percentile of the finite pixels. When they are equal (a mask with few pixels
     * set, a constant image) the whole range of the finite pixels is used, and for a constant plane the range from
     * its value to one above, so that every plane gets a valid contrast.
     *
     * @param plane pixel values; NaN and infinite ones are ignored
     */
    public static Contrast auto(float[] plane) {
        int stride = Math.max(1, (int) Math.ceil(plane.length / (double) MAX_SORTED_PIXELS));
        float[] values = new float[(plane.length + stride - 1) / stride];
        int count = 0;
        for (int i = 0; i < plane.length; i += stride) {
            if (Float.isFinite(plane[i])) {
                values[count++] = plane[i];
            }
        }
        if (count == 0) {
            return new Contrast(0, 1);
        }
        Arrays.sort(values, 0, count);
        double low = values[rank(AUTO_LOW_PERCENTILE, count)];
        double high = values[rank(AUTO_HIGH_PERCENTILE, count)];
        if (high > low) {
            return new Contrast(low, high);
        }
        low = values[0];
        high = values[count - 1];
        return high > low ? new Contrast(low, high) : new Contrast(low, low + 1);
    }

    private static int rank(double percentile, int count) {
        return (int) Math.round(percentile / 100 * (count - 1));
    }

    /** @return the grey level of {@code value}, 0 (black) to 255 (white), rounded to the nearest level */
    public int grey(float value) {
        if (!(value > min)) {
            return 0;
        }
        if (value >= max) {
            return 255;
        }
        return (int) Math.round((value - min) / (max - min) * 255);
    }

    /**
     * Renders a plane as a grey image.
     *
     * @param plane row-major pixel values, {@code width x height}
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image of the plane's size, red, green and blue each the
     *         {@link #grey} level (an 8-bit grey image would be shown through a linear grey colour space, which
     *         brightens the middle tones)
     */
    public BufferedImage render(float[] plane, int width, int height) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane of " + plane.length + " pixels is not " + width + " x "
                    + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < plane.length; i++) {
            pixels[i] = grey(plane[i]) * 0x010101;
        }
        return image;
    }
}
