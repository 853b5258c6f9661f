package org.neuroseg.dl;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.neuroseg.NeurosegException;

/**
 * Loads DJL's engine the way every caller of this module needs it: offline (natives from the jar on the class path,
 * never a download) and found through this module's class loader. DJL finds engines with the thread's context
 * class loader, which inside KNIME's OSGi container is not the bundle that embeds the engine jars.
 *
 * <p>Before DJL is asked for the engine, this class checks that PyTorch's native library for this operating system
 * and processor is on the class path (in KNIME: the plug-in's platform fragment), because offline DJL would
 * otherwise fail deep inside its download code with a message that names neither the platform nor a remedy.
 */
public final class DjlEngine {

    private static final String OFFLINE = "ai.djl.offline";
    /** The resource each pytorch-native-cpu jar carries; its {@code classifier} names the platform it serves. */
    static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";

    /** DJL's classifiers of the platforms PyTorch 2.7.1 ships CPU natives for, with the users' names for them. */
    private static final Map<String, String> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("linux-x86_64", "Linux x86-64");
        SUPPORTED.put("linux-aarch64", "Linux ARM64 (aarch64)");
        SUPPORTED.put("win-x86_64", "Windows x86-64");
        SUPPORTED.put("osx-aarch64", "macOS on Apple silicon (M1 or later)");
    }

    private static boolean nativesFound;

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
     * @throws NeurosegException when PyTorch has no native library for this operating system and processor (Intel
     *         Macs, for one) or the one for it is not on the class path; the message names the platform and the
     *         supported ones
     * @throws ai.djl.engine.EngineException when the natives are there but the engine still cannot be loaded
     */
    public static synchronized Engine get() throws NeurosegException {
        useOffline();
        ClassLoader loader = DjlEngine.class.getClassLoader();
        if (!nativesFound) {
            requireNatives(loader, System.getProperty("os.name"), System.getProperty("os.arch"));
            nativesFound = true;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return Engine.getInstance();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Checks that {@code loader} sees a pytorch-native-cpu jar for the platform named by the given system
     * properties (passed in, so that other platforms can be simulated).
     *
     * @param loader where DJL will look for the natives
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @throws NeurosegException naming the platform and the supported ones when no native library fits
     */
    static void requireNatives(ClassLoader loader, String osName, String osArch) throws NeurosegException {
        String classifier = classifier(osName, osArch);
        if (nativeClassifiers(loader).contains(classifier)) {
            return;
        }
        String platform = osName + " on " + osArch;
        String supported = String.join(", ", SUPPORTED.values());
        if ("osx-x86_64".equals(classifier)) {
            throw new NeurosegException("The deep-learning nodes (U-Net and CGRU) cannot run on an Intel Mac ("
                    + platform + "): PyTorch, which they run on, no longer ships for Intel Macs. They run on "
                    + supported + "; the other NeuroSeg nodes run on Intel Macs too.");
        }
        if (!SUPPORTED.containsKey(classifier)) {
            throw new NeurosegException("The deep-learning nodes (U-Net and CGRU) cannot run on " + platform
                    + ": PyTorch, which they run on, has no build for it. They run on " + supported + ".");
        }
        throw new NeurosegException("PyTorch's native library for " + SUPPORTED.get(classifier) + " ("
                + platform + ") is not installed: in KNIME, reinstall NeuroSeg so that its fragment "
                + "org.neuroseg.knime." + fragmentSuffix(classifier) + " is installed with it; elsewhere put "
                + "ai.djl.pytorch:pytorch-native-cpu:2.7.1 with classifier " + classifier + " on the class path.");
    }

    /** DJL's platform classifier ({@code linux-x86_64}, {@code osx-aarch64}, ...) for these system properties. */
    static String classifier(String osName, String osArch) {
        String os;
        if (osName.startsWith("Win")) {
            os = "win";
        } else if (osName.startsWith("Mac")) {
            os = "osx";
        } else {
            os = osName.toLowerCase(Locale.ROOT).replace(' ', '_');
        }
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> osArch;
        };
        return os + '-' + arch;
    }

    /** The fragment's name ends in Eclipse's os.arch, e.g. {@code win32.x86_64}, {@code macosx.aarch64}. */
    private static String fragmentSuffix(String classifier) {
        String[] parts = classifier.split("-", 2);
        String os = switch (parts[0]) {
            case "win" -> "win32";
            case "osx" -> "macosx";
            default -> parts[0];
        };
        return os + '.' + parts[1];
    }

    private static Set<String> nativeClassifiers(ClassLoader loader) throws NeurosegException {
        Set<String> classifiers = new HashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(NATIVE_PROPERTIES))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                classifiers.add(properties.getProperty("classifier", ""));
            }
        } catch (IOException e) {
            throw new NeurosegException("Cannot read " + NATIVE_PROPERTIES + " of PyTorch's native library from the"
                    + " class path: " + e.getMessage(), e);
        }
        return classifiers;
    }
}
