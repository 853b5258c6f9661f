/**
 * The bridge to OpenCV: {@link org.neuroseg.cv.OpenCvLoader} loads its native library, shipped inside the OpenCV
 * jar, once per JVM. OpenCV matrices never appear in public signatures of NeuroSeg.
 */
package org.neuroseg.cv;
