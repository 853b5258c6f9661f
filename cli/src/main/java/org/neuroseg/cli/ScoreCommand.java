package org.neuroseg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.metrics.SegmentationScorerStage;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import org.neuroseg.io.VideoFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neuroseg score}: a segmentation against a reference. */
@Command(name = "score", header = "Score predicted neurons against reference neurons.",
        description = {"Each side is a label image (TIFF or .nsv, one frame, pixel = neuron id), Neurofinder "
            + "regions JSON (.json) or an ImageJ RoiSet (.zip, .roi). JSON and RoiSets carry no image size: it "
            + "comes from the other side when that is a label image, or from --height and --width. Prints pixel "
            + "Dice, IoU, precision, recall and neuron precision, recall, F1 under the three matching rules."},
        mixinStandardHelpOptions = true)
final class ScoreCommand implements Callable<Integer> {

    @Option(names = {"-p", "--predicted"}, required = true, paramLabel = "FILE", description = "The segmentation.")
    Path predicted;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "FILE",
            description = "The ground truth or manual labels.")
    Path reference;

    @Option(names = "--height", paramLabel = "PX", description = "Image rows, for JSON and RoiSet inputs.")
    int height;

    @Option(names = "--width", paramLabel = "PX", description = "Image columns, for JSON and RoiSet inputs.")
    int width;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores and matches as JSON.")
    Path json;

    @Option(names = "--shift-predicted", paramLabel = "ROWS,COLS", split = ",", arity = "1",
            description = "Move the predicted ROIs by this many pixels before scoring (pixels pushed out of the "
                    + "image are dropped), to see how the matching rules tolerate misalignment.")
    int[] shift;

    @Override
    public Integer call() throws Exception {
        int[] size = imageSize();
        RoiSet predictedRois = shifted(RoiFiles.read(predicted, size[0], size[1]));
        RoiSet referenceRois = RoiFiles.read(reference, size[0], size[1]);
        SegmentationScore score = SegmentationScorerStage.INSTANCE.run(PortValues.of(
                SegmentationScorerStage.PREDICTED_ROIS, predictedRois).with(SegmentationScorerStage.REFERENCE_ROIS,
                        referenceRois), SegmentationScorerStage.INSTANCE.defaults(),
                StageContext.inDirectory(Path.of("."), ProgressMonitor.NONE)).get(SegmentationScorerStage.SCORES);
        System.out.printf("predicted: %s (%d neurons)%nreference: %s (%d neurons)%n%n", predicted,
                predictedRois.size(), reference, referenceRois.size());
        System.out.print(score.toTable());
        if (json != null) {
            AtomicFiles.writeText(json, out -> out.write(score.toJson()));
            System.out.printf("%nWrote %s%n", json);
        }
        return 0;
    }

    private RoiSet shifted(RoiSet rois) {
        if (shift == null) {
            return rois;
        }
        if (shift.length != 2) {
            throw new IllegalArgumentException("--shift-predicted takes two numbers, ROWS,COLS");
        }
        return new RoiSet(rois.height(), rois.width(), rois.rois().stream()
                .map(roi -> roi.shifted(shift[0], shift[1], rois.height(), rois.width()))
                .filter(java.util.Objects::nonNull).toList());
    }

    private int[] imageSize() throws NeurosegException, java.io.IOException {
        for (Path file : new Path[] {reference, predicted}) {
            if (RoiFiles.isLabelImage(file)) {
                try (Video labels = VideoFormats.open(file)) {
                    return new int[] {labels.shape().height(), labels.shape().width()};
                }
            }
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Neither input is a label image: give the image size with --height "
                    + "and --width");
        }
        return new int[] {height, width};
    }
}
