package org.neuroseg.knime;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** Where the built adapter is, and a class loader for its classes over the KNIME stand-in (load only, never run). */
final class KnimeTestSupport {

    private KnimeTestSupport() {
    }

    static Path plugin() {
        return NodeNames.root().resolve(NodeNames.PLUGIN);
    }

    static Path pluginClasses() {
        return plugin().resolve("target/classes");
    }

    static ClassLoader adapterLoader() throws MalformedURLException {
        Path standIn = NodeNames.root().resolve("target-platform/org.knime.core/target/classes");
        return new URLClassLoader(new URL[] {pluginClasses().toUri().toURL(), standIn.toUri().toURL()},
                KnimeTestSupport.class.getClassLoader());
    }

    static boolean regenerate() {
        return Boolean.getBoolean("neuroseg.regenerate");
    }
}
