/**
 * Videos, axis order (T, Y, X): the small {@link org.neuroseg.video.Video} interface, the on-disk
 * {@link org.neuroseg.video.VideoStore} read a frame at a time, and streaming operations on videos.
 */
package org.neuroseg.video;
