package org.neuroseg.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Pixel types of stored videos. Bytes are little-endian in every store; integer types are unsigned.
 * Conversions from float round to the nearest integer and clamp to the type's range.
 */
public enum PixelType {
    /** Unsigned 8-bit, 0..255. */
    UINT8(1, 1, 255),
    /** Unsigned 16-bit, 0..65535: what cameras write. */
    UINT16(2, 2, 65535),
    /** IEEE 32-bit float: probabilities, normalised and filtered videos. */
    FLOAT32(3, 4, Float.MAX_VALUE);

    private final int code;
    private final int bytes;
    private final float maxValue;

    PixelType(int code, int bytes, float maxValue) {
        this.code = code;
        this.bytes = bytes;
        this.maxValue = maxValue;
    }

    /** @return the number stored in file headers for this type */
    public int code() {
        return code;
    }

    /** @return bytes per pixel */
    public int bytes() {
        return bytes;
    }

    /** @return the largest representable value */
    public float maxValue() {
        return maxValue;
    }

    /**
     * @param code a header code written by {@link #code()}
     * @return the type, or null when the code is unknown
     */
    public static PixelType fromCode(int code) {
        for (PixelType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /**
     * Decodes {@code target.length} pixels from {@code source} (little-endian, starting at its position) to floats.
     * The buffer's position is left unchanged.
     */
    public void toFloats(ByteBuffer source, float[] target) {
        int base = source.position();
        switch (this) {
            case UINT8 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = source.get(base + i) & 0xFF;
                }
            }
            case UINT16 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = source.getShort(base + 2 * i) & 0xFFFF;
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = source.getFloat(base + 4 * i);
                }
            }
        }
    }

    /**
     * Encodes {@code source} into {@code target} (little-endian, from its position), rounding and clamping for
     * integer types; NaN becomes 0. The buffer's position is left unchanged.
     */
    public void fromFloats(float[] source, ByteBuffer target) {
        int base = target.position();
        switch (this) {
            case UINT8 -> {
                for (int i = 0; i < source.length; i++) {
                    target.put(base + i, (byte) clampRound(source[i]));
                }
            }
            case UINT16 -> {
                for (int i = 0; i < source.length; i++) {
                    target.putShort(base + 2 * i, (short) clampRound(source[i]));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < source.length; i++) {
                    target.putFloat(base + 4 * i, source[i]);
                }
            }
        }
    }

    /**
     * Copies {@code pixels} pixels from {@code source} (big-endian, from its position) to {@code target}
     * (little-endian, from its position); both may be the same memory. Both positions are left unchanged.
     */
    public void bigToLittleEndian(ByteBuffer source, ByteBuffer target, int pixels) {
        ByteBuffer in = source.duplicate().order(ByteOrder.BIG_ENDIAN);
        ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int from = in.position();
        int to = out.position();
        switch (this) {
            case UINT8 -> out.put(in.limit(from + pixels));
            case UINT16 -> {
                for (int i = 0; i < pixels; i++) {
                    out.putShort(to + 2 * i, in.getShort(from + 2 * i));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < pixels; i++) {
                    out.putInt(to + 4 * i, in.getInt(from + 4 * i));
                }
            }
        }
    }

    private int clampRound(float value) {
        if (!(value > 0)) {
            return 0;
        }
        return value >= maxValue ? (int) maxValue : Math.round(value);
    }
}
