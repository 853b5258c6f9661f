package org.neuroseg.knime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import java.util.Arrays;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.dl.DjlEngine;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Run by {@link FragmentLoadTest} in a JVM whose class path is the assembled plug-in: computes with DJL and with
 * OpenCV as the nodes do and prints, one {@code key=value} a line, the results, where the natives came from, or the
 * message the user would see.
 */
public final class NativesProbe {

    private NativesProbe() {
    }

    /** @param args none */
    public static void main(String[] args) {
        try {
            Engine engine = DjlEngine.get();
            try (NDManager manager = engine.newBaseManager()) {
                NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
                System.out.println("djl.product=" + Arrays.toString(a.matMul(a).toFloatArray()));
            }
            System.out.println("djl.offline=" + System.getProperty("ai.djl.offline"));
            System.out.println("djl.properties=" + DjlEngine.class.getClassLoader()
                    .getResource("native/lib/pytorch.properties"));
            System.out.println("djl.libtorch=" + LibUtils.getLibtorchPath());
        } catch (NeurosegException e) {
            System.out.println("djl.error=" + e.getMessage());
        }
        try {
            OpenCvLoader.ensureLoaded();
            Mat mat = new Mat(4, 5, CvType.CV_32F, new Scalar(1.5));
            System.out.println("opencv.sum=" + Core.sumElems(mat).val[0]);
            mat.release();
            System.out.println("opencv.library=" + nu.pattern.OpenCV.class.getResource(
                    "/nu/pattern/opencv/linux/x86_64/" + System.mapLibraryName(Core.NATIVE_LIBRARY_NAME)));
        } catch (NeurosegException e) {
            System.out.println("opencv.error=" + e.getMessage());
        }
    }
}
