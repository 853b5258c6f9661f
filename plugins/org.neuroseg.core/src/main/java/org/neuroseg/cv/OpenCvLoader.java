package org.neuroseg.cv;

import java.util.Locale;
import org.neuroseg.NeurosegException;

/**
 * Loads OpenCV's native library once per JVM from the class path: the OpenCV jar itself (org.openpnp:opencv ships the
 * natives of Linux, macOS and Windows inside) or, in KNIME, the plug-in's fragment for the platform, so nothing is
 * downloaded or installed at run time. Every class that calls
 * OpenCV calls {@link #ensureLoaded()} first. Thread-safe.
 */
public final class OpenCvLoader {

    private static boolean loaded;
    private static String failure;

    private OpenCvLoader() {
    }

    /**
     * Loads the native library on first use; later calls return at once.
     *
     * @throws NeurosegException when no native library in the jar fits this operating system and processor (the
     *         message names both); the failure is remembered, so later calls fail the same way quickly
     */
    public static synchronized void ensureLoaded() throws NeurosegException {
        if (loaded) {
            return;
        }
        if (failure == null) {
            try {
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
                return;
            } catch (RuntimeException | LinkageError e) {
                // OpenCV's loader fails without a message when its library for this platform is not on the class path
                String detail = e.getMessage() != null ? e.getMessage() : "it is not on the class path";
                failure = "Cannot load OpenCV's native library for " + System.getProperty("os.name") + " on "
                        + System.getProperty("os.arch").toLowerCase(Locale.ROOT) + ": " + detail + ". NeuroSeg "
                        + "runs on Linux x86-64 and ARM64, Windows x86-64 and macOS (Apple silicon and Intel); in "
                        + "KNIME the library comes with the NeuroSeg fragment of the platform: reinstall NeuroSeg "
                        + "if it is missing.";
            }
        }
        throw new NeurosegException(failure);
    }
}
