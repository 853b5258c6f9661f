package org.neuroseg.dl.model;

import java.util.Arrays;
import java.util.List;

/**
 * Which preprocessed frames a U-Net reads, recorded in its model file so that a pipeline feeds it the kind it was
 * trained on.
 */
public enum UNetInput {

    /**
     * Activity Frames of the motion-corrected recording: each pixel's rise above its own baseline in units of its
     * noise. The network marks the cells active in each frame.
     */
    ACTIVITY("activity"),
    /** Local Equalization then Motion Correction: the paper's input. The network marks the cells visible in a frame. */
    EQUALIZED("equalized");

    private final String key;

    UNetInput(String key) {
        this.key = key;
    }

    /** @return the name in model files and settings */
    public String key() {
        return key;
    }

    /** @return every key, in declaration order */
    public static List<String> keys() {
        return Arrays.stream(values()).map(UNetInput::key).toList();
    }

    /**
     * @param key a name from {@link #key()}
     * @throws IllegalArgumentException naming the key and the known ones when it is unknown
     */
    public static UNetInput fromKey(String key) {
        for (UNetInput input : values()) {
            if (input.key.equals(key)) {
                return input;
            }
        }
        throw new IllegalArgumentException("Unknown U-Net input '" + key + "': known are " + keys());
    }
}
