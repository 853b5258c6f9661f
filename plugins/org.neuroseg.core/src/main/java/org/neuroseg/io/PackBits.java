package org.neuroseg.io;

import java.util.zip.DataFormatException;

/** Decodes PackBits run-length data (TIFF compression 32773). */
final class PackBits {

    private PackBits() {
    }

    /**
     * Decodes {@code in[0, inLength)} into {@code out[0, outLength)}, stopping when either is exhausted.
     *
     * @return bytes written
     * @throws DataFormatException when a literal run goes past the input
     */
    static int decode(byte[] in, int inLength, byte[] out, int outLength) throws DataFormatException {
        int read = 0;
        int written = 0;
        while (read < inLength && written < outLength) {
            int header = in[read++];
            if (header >= 0) {
                int n = Math.min(header + 1, outLength - written);
                if (read + n > inLength) {
                    throw new DataFormatException("PackBits literal run of " + n + " bytes past the end of the data");
                }
                System.arraycopy(in, read, out, written, n);
                read += header + 1;
                written += n;
            } else if (header != -128 && read < inLength) {
                int n = Math.min(1 - header, outLength - written);
                byte value = in[read++];
                for (int i = 0; i < n; i++) {
                    out[written++] = value;
                }
            }
        }
        return written;
    }
}
