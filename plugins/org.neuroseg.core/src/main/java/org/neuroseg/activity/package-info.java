/**
 * Activity Validation: fluorescence traces of ROIs with neuropil subtraction ({@link org.neuroseg.activity.TraceExtractor}),
 * ΔF/F and event detection with a 1-D Difference of Gaussians ({@link org.neuroseg.activity.EventDetector}), the
 * stage that keeps the neurons that fire, and the raster plot.
 */
package org.neuroseg.activity;
