package org.neuroseg.stage;

import java.util.Arrays;

/**
 * A picture for people (an overlay, a plot), as PNG bytes: a PNG file on the command line, an image port in KNIME.
 *
 * @param png the encoded PNG image
 */
public record Picture(byte[] png) {

    /** Checks that the bytes start with the PNG signature. */
    public Picture {
        if (png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not a PNG image");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Picture picture && Arrays.equals(picture.png, png);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(png);
    }
}
