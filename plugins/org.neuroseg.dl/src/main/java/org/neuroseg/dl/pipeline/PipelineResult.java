package org.neuroseg.dl.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.CellSizeHint;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.stage.Traces;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;

/**
 * What a run of the {@link EndToEndPipeline} found; the same is in the files of its output folder.
 *
 * @param video shape of the input video
 * @param recording what is known of the recording, with the cell diameter the sizes derived from (0 when assumed)
 * @param candidates the cells the refinement found in the CGRU's probability image
 * @param neurons the candidates that Activity Validation kept: the functional neurons
 * @param traces ΔF/F of the neurons, rows in {@code neurons} order
 * @param raster activity of the neurons, rows in {@code neurons} order
 * @param scored the neurons against the ground truth (moved into the corrected video's coordinates), or null when
 *        none was given
 * @param timings wall-clock time of each step, in order
 * @param report the HTML report
 */
public record PipelineResult(VideoShape video, RecordingInfo recording, RoiSet candidates, RoiSet neurons,
        Traces traces, Raster raster, PipelineOutputs.Scored scored, List<StageTiming> timings, Path report) {

    /** Copies the timings. */
    public PipelineResult {
        timings = List.copyOf(timings);
    }

    /** @return the hint of {@link CellSizeHint} for the neurons of this run */
    public Optional<String> cellSizeHint(String howToSetIt) {
        return CellSizeHint.of(recording, neurons, howToSetIt);
    }

    /** @return seconds of all steps together */
    public double totalSeconds() {
        return timings.stream().mapToDouble(StageTiming::seconds).sum();
    }
}
