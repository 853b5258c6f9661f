/**
 * The whole method on one video: {@link org.neuroseg.dl.pipeline.EndToEndPipeline} composes the stages from the
 * video file to the functional neurons, their traces and raster, the pictures and an HTML report, with the U-Net
 * and the CGRU streamed together ({@link org.neuroseg.dl.pipeline.FunctionalProbability}).
 */
package org.neuroseg.dl.pipeline;
