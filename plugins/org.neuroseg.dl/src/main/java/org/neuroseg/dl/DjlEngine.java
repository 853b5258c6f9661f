package org.neuroseg.dl;

import ai.djl.engine.Engine;

/**
 * Loads DJL's engine the way every caller of this module needs it: offline (natives from the jar on the class path,
 * never a download) and found through this module's class loader. DJL finds engines with the thread's context
 * class loader, which inside KNIME's OSGi container is not the bundle that embeds the engine jars.
 */
public final class DjlEngine {

    private DjlEngine() {
    }

    /**
     * @return the default engine (PyTorch when its jars are on the class path)
     * @throws ai.djl.engine.EngineException when no engine can be loaded (the message says why)
     */
    public static synchronized Engine get() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
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
