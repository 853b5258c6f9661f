package org.neuroseg.io;

import java.util.zip.DataFormatException;

/**
 * Decodes TIFF LZW data (compression 5): codes of 9 to 12 bits, most significant bit first, with the TIFF "early
 * change" of code width. Reusable; not thread-safe.
 */
final class LzwDecoder {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int MAX_CODES = 4096;

    private final int[] prefix = new int[MAX_CODES];
    private final byte[] suffix = new byte[MAX_CODES];
    private final byte[] first = new byte[MAX_CODES];
    private final int[] length = new int[MAX_CODES];

    LzwDecoder() {
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
    }

    /**
     * Decodes {@code in[0, inLength)} into {@code out[0, outLength)}, stopping when either is exhausted.
     *
     * @return bytes written
     * @throws DataFormatException when a code is invalid
     */
    int decode(byte[] in, int inLength, byte[] out, int outLength) throws DataFormatException {
        long bitsLeft = 8L * inLength;
        long bitPos = 0;
        int bits = 9;
        int next = 258;
        int previous = -1;
        int written = 0;
        while (written < outLength && bitsLeft - bitPos >= bits) {
            int code = readCode(in, bitPos, bits);
            bitPos += bits;
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                bits = 9;
                next = 258;
                previous = -1;
                continue;
            }
            if (previous < 0) {
                if (code > 255) {
                    throw new DataFormatException("LZW code " + code + " after a clear code");
                }
                out[written++] = (byte) code;
                previous = code;
                continue;
            }
            if (code > next) {
                throw new DataFormatException("LZW code " + code + " beyond the table of " + next);
            }
            if (next < MAX_CODES) {
                prefix[next] = previous;
                first[next] = first[previous];
                suffix[next] = code == next ? first[previous] : first[code];
                length[next] = length[previous] + 1;
                next++;
                if (next >= (1 << bits) - 1 && bits < 12) {
                    bits++;
                }
            }
            written = emit(code, out, written, outLength);
            previous = code;
        }
        return written;
    }

    private int emit(int code, byte[] out, int written, int outLength) {
        int len = length[code];
        int end = written + len;
        int c = code;
        for (int i = end - 1; i >= written; i--) {
            if (i < outLength) {
                out[i] = suffix[c];
            }
            c = prefix[c];
        }
        return Math.min(end, outLength);
    }

    private static int readCode(byte[] in, long bitPos, int bits) {
        int byteIndex = (int) (bitPos >>> 3);
        int value = (in[byteIndex] & 0xFF) << 16;
        if (byteIndex + 1 < in.length) {
            value |= (in[byteIndex + 1] & 0xFF) << 8;
        }
        if (byteIndex + 2 < in.length) {
            value |= in[byteIndex + 2] & 0xFF;
        }
        int shift = 24 - bits - (int) (bitPos & 7);
        return (value >>> shift) & ((1 << bits) - 1);
    }
}
