package org.neuroseg.dl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.neuroseg.NeurosegException;

/**
 * The engine refuses, with a message for the user, platforms whose PyTorch natives are missing or do not exist. Other
 * platforms are simulated by passing their os.name and os.arch; the test class path holds the linux-x86_64 natives.
 */
class DjlEngineTest {

    private static final ClassLoader WITH_LINUX_NATIVES = DjlEngineTest.class.getClassLoader();

    @Test
    void classifiersFollowDjlsNames() {
        assertEquals("linux-x86_64", DjlEngine.classifier("Linux", "amd64"));
        assertEquals("linux-aarch64", DjlEngine.classifier("Linux", "aarch64"));
        assertEquals("win-x86_64", DjlEngine.classifier("Windows 11", "amd64"));
        assertEquals("osx-aarch64", DjlEngine.classifier("Mac OS X", "aarch64"));
        assertEquals("osx-x86_64", DjlEngine.classifier("Mac OS X", "x86_64"));
    }

    @Test
    void linuxX86WithItsNativesPasses() {
        assertDoesNotThrow(() -> DjlEngine.requireNatives(WITH_LINUX_NATIVES, "Linux", "amd64"));
    }

    @Test
    void intelMacIsRefusedNamingTheSupportedPlatforms() {
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> DjlEngine.requireNatives(WITH_LINUX_NATIVES, "Mac OS X", "x86_64"));
        assertEquals("The deep-learning nodes (U-Net and CGRU) cannot run on an Intel Mac (Mac OS X on x86_64): "
                + "PyTorch, which they run on, no longer ships for Intel Macs. They run on Linux x86-64, Linux ARM64 "
                + "(aarch64), Windows x86-64, macOS on Apple silicon (M1 or later); the other NeuroSeg nodes run on "
                + "Intel Macs too.", e.getMessage());
    }

    @Test
    void platformWithoutPyTorchIsRefused() {
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> DjlEngine.requireNatives(WITH_LINUX_NATIVES, "Linux", "riscv64"));
        assertTrue(e.getMessage().startsWith("The deep-learning nodes (U-Net and CGRU) cannot run on Linux on "
                + "riscv64: PyTorch, which they run on, has no build for it. They run on Linux x86-64,"),
                e.getMessage());
    }

    @Test
    void supportedPlatformWithoutItsNativesNamesTheMissingFragment() {
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> DjlEngine.requireNatives(WITH_LINUX_NATIVES, "Windows 11", "amd64"));
        assertEquals("PyTorch's native library for Windows x86-64 (Windows 11 on amd64) is not installed: in KNIME, "
                + "reinstall NeuroSeg so that its fragment org.neuroseg.knime.win32.x86_64 is installed with it; "
                + "elsewhere put ai.djl.pytorch:pytorch-native-cpu:2.7.1 with classifier win-x86_64 on the class "
                + "path.", e.getMessage());
    }

    @Test
    void linuxWithoutTheNativeJarIsRefused() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            NeurosegException e = assertThrows(NeurosegException.class,
                    () -> DjlEngine.requireNatives(empty, "Linux", "amd64"));
            assertTrue(e.getMessage().contains("org.neuroseg.knime.linux.x86_64"), e.getMessage());
        }
    }
}
