/**
 * Reading and writing video files, axis order (T, Y, X): {@link org.neuroseg.io.VideoFormats} detects the format
 * of a file or folder and opens it as a {@link org.neuroseg.video.Video} (multi-page TIFF and BigTIFF, folders of
 * single-page TIFFs, NeuroSeg stores, raw binary); {@link org.neuroseg.io.TiffWriter} writes ImageJ-compatible
 * TIFF stacks and label images. The TIFF decoders are our own; no imaging library is needed at run time.
 */
package org.neuroseg.io;
