package org.neuroseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.Pictures;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.roi.ImageJRoiSets;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Parameters;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoStage;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;
import org.neuroseg.video.Videos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg generate}: a synthetic video with its ground truth and an overview picture. */
@Command(name = "generate", header = "Generate a synthetic calcium-imaging video with known neurons.",
        description = {"Writes into OUTPUT/synthetic/: video.nsv, ground-truth labels (store and TIFF), the "
            + "functional cells' labels (ground_truth_functional_labels.nsv, e.g. the CGRU's target), regions JSON "
            + "(all cells, functional cells, and firing_regions.json: the functional cells with at least one "
            + "visible transient, the ones a method can find), an ImageJ RoiSet, cells.csv, "
            + "spikes.csv, traces.csv, shifts.csv, and "
            + "overview.png (mean image; functional cells outlined in green, silent cells in red)."},
        mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer>, StageOptionsCommand {

    /** File name of the functional cells' label image, beside the generator's files. */
    static final String FUNCTIONAL_LABELS = "ground_truth_functional_labels.nsv";
    /** File name of the per-frame labels of the active cells ({@code --active-labels}). */
    static final String ACTIVE_LABELS = "ground_truth_active_labels.nsv";

    @Override
    public void addStageOptions(picocli.CommandLine.Model.CommandSpec command) {
        StageOptions.addTo(command, SyntheticVideoStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--active-labels", description = "Also write ground_truth_active_labels.nsv: per frame, the "
            + "cells whose transient is visible in it (its counts summed over the cell at least 5 times the noise of "
            + "that sum at rest, Rose's criterion; cells.csv gives each cell's ratio per unit ΔF/F), the "
            + "per-frame target of a U-Net that "
            + "reads activity frames. As large as the video.")
    boolean activeLabels;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, SyntheticVideoStage.INSTANCE);
        try (ConsoleProgressMonitor monitor = root.progress("generate")) {
            Path folder = output.resolve("synthetic");
            SyntheticParams params = SyntheticVideoStage.toSyntheticParams(parameters);
            SyntheticResult result = SyntheticVideoGenerator.generate(params, folder, monitor.subMonitor(0,
                    activeLabels ? 0.7 : 0.9));
            if (activeLabels) {
                SyntheticVideoGenerator.writeActiveLabels(params, result, folder.resolve(ACTIVE_LABELS),
                        monitor.subMonitor(0.7, 0.9));
            }
            RoiSet functional = result.functionalRois();
            RoiSet all = result.rois();
            TiffWriter.writeLabelImage(folder.resolve("ground_truth_labels.tif"), all.toLabelImage(), all.height(),
                    all.width());
            ImageJRoiSets.write(all, folder.resolve("ground_truth_RoiSet.zip"));
            try (VideoWriter writer = VideoStore.create(folder.resolve(FUNCTIONAL_LABELS), functional.height(),
                    functional.width(), PixelType.UINT16, 0, "{\"content\":\"ground-truth labels of the functional "
                            + "cells of a synthetic video: ROI id per pixel, 0 = background or silent cell\"}")) {
                writer.append(functional.toLabelImage());
                writer.commit();
            }
            try (Video video = VideoStore.open(result.videoFile())) {
                VideoShape shape = video.shape();
                float[] mean = Videos.mean(video, monitor.subMonitor(0.9, 1));
                java.util.Set<Integer> functionalIds = new java.util.HashSet<>();
                functional.rois().forEach(roi -> functionalIds.add(roi.id()));
                Pictures.writePng(Pictures.outlines(mean, shape.height(), shape.width(), all,
                        id -> functionalIds.contains(id) ? 0x00FF00 : 0xFF3030), folder.resolve("overview.png"));
                System.out.printf("Generated %s with %d cells (%d functional) in %s%n", shape, all.size(),
                        functional.size(), folder.resolve(SyntheticVideoGenerator.VIDEO));
            }
        }
        return 0;
    }
}
