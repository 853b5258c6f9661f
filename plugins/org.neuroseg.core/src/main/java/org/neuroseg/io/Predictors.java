package org.neuroseg.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Undoes the TIFF predictors: horizontal differencing (2) and floating-point differencing (3). */
final class Predictors {

    private Predictors() {
    }

    /**
     * Undoes {@code predictor} in place on {@code rows} rows of {@code width} pixels of {@code bytesPerPixel} bytes
     * each, stored in {@code order}; the result is in {@code order} too.
     */
    static void undo(int predictor, byte[] data, int rows, int width, int bytesPerPixel, ByteOrder order) {
        if (predictor == 2) {
            horizontal(data, rows, width, bytesPerPixel, order);
        } else if (predictor == 3) {
            floatingPoint(data, rows, width, bytesPerPixel, order);
        }
    }

    private static void horizontal(byte[] data, int rows, int width, int bytesPerPixel, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
        for (int r = 0; r < rows; r++) {
            int start = r * width * bytesPerPixel;
            for (int x = 1; x < width; x++) {
                int at = start + x * bytesPerPixel;
                int before = at - bytesPerPixel;
                switch (bytesPerPixel) {
                    case 1 -> data[at] += data[before];
                    case 2 -> buffer.putShort(at, (short) (buffer.getShort(at) + buffer.getShort(before)));
                    default -> buffer.putInt(at, buffer.getInt(at) + buffer.getInt(before));
                }
            }
        }
    }

    /**
     * Floating-point predictor: each row holds byte-wise differences of the pixels' bytes arranged in planes, most
     * significant byte first.
     */
    private static void floatingPoint(byte[] data, int rows, int width, int bytesPerPixel, ByteOrder order) {
        int rowBytes = width * bytesPerPixel;
        byte[] planes = new byte[rowBytes];
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        for (int r = 0; r < rows; r++) {
            int start = r * rowBytes;
            for (int i = start + 1; i < start + rowBytes; i++) {
                data[i] += data[i - 1];
            }
            System.arraycopy(data, start, planes, 0, rowBytes);
            for (int x = 0; x < width; x++) {
                for (int k = 0; k < bytesPerPixel; k++) {
                    int target = little ? bytesPerPixel - 1 - k : k;
                    data[start + x * bytesPerPixel + target] = planes[k * width + x];
                }
            }
        }
    }
}
