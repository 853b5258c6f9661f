package org.neuroseg.dl;

import ai.djl.engine.Engine;

/**
 * Loads DJL's engine the way every caller of this module needs it: offline (natives from the jar on the class path,
 * never a download) and found through this module's class loader. DJL finds engines with the thread's context
 * class loader, which inside KNIME's OSGi container is not the bundle that embeds the engine jars.
 */
public final class DjlEngine {

    private static final String OFFLINE = "ai.djl.offline";

    private DjlEngine() {
    }

    /**
     * Makes DJL work offline: the engine's natives come from the jar on the class path, nothing is downloaded. Every
     * entry point (the command line, the KNIME nodes through {@link #get()}) calls this before DJL is touched; a
     * value given on the JVM's command line ({@code -Dai.djl.offline=...}) is kept.
     */
    public static void useOffline() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
    }

    /**
     * @return the default engine (PyTorch when its jars are on the class path)
     * @throws ai.djl.engine.EngineException when no engine can be loaded (the message says why)
     */
    public static synchronized Engine get() {
        useOffline();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlEngine.class.getClassLoader());
        try {
            return Engine.getInstance();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
