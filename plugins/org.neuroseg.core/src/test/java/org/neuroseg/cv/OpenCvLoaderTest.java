package org.neuroseg.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class OpenCvLoaderTest {

    @Test
    void loadsNativesFromTheJarAndComputes() throws Exception {
        OpenCvLoader.ensureLoaded();
        OpenCvLoader.ensureLoaded();
        Mat mat = new Mat(4, 5, CvType.CV_32F, new Scalar(1.5));
        try {
            assertEquals(30.0, Core.sumElems(mat).val[0], 1e-9);
            assertEquals(4, Core.VERSION_MAJOR);
        } finally {
            mat.release();
        }
    }
}
