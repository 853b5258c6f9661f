/**
 * Swing views of NeuroSeg data, free of KNIME so that they are tested headless and shown by any host: the KNIME
 * adapter returns them as port views. {@link org.neuroseg.view.VideoViewer} shows a video a frame at a time with a
 * {@link org.neuroseg.view.Contrast}.
 */
package org.neuroseg.view;
