/**
 * Preprocessing of calcium-imaging videos, axis order (T, Y, X), with OpenCV: local equalization (CLAHE, blur,
 * background subtraction) and motion correction (Lucas-Kanade feature tracking against a template, RANSAC, FFT
 * correlation as a fallback, optional piecewise-rigid patches), and applying estimated shifts to another video.
 * Frames stream through a pipeline on all processors and are written in order, so memory does not grow with the
 * number of frames and results do not depend on the number of threads.
 */
package org.neuroseg.preprocess;
