package org.neuroseg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Speed of the classical stages on a side x side uint16 video of noise over a background with bright disks (cells):
 * the Blob Labeler in frames per second, and Activity Validation of a grid of ROIs over all frames in seconds. Run
 * with {@code bench/run classical [frames] [side] [rois]}; appends a dated section to bench/RESULTS.md.
 */
final class ClassicalBenchmark {

    private static final double CELL_RADIUS_PX = 4;

    private ClassicalBenchmark() {
    }

    /** @param args frames (3600), side (512), number of ROIs (500); each optional */
    static void main(String[] args, String machine) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int roiCount = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Bench.appendSection("classical stages", List.of("Command: `bench/run classical " + frames + " " + side + " "
                + roiCount + "`. Machine: " + machine + ". Input: uint16 noise (sd 200) over a background of 4500 "
                + "with " + roiCount + " bright disks of radius 4 px. Each stage runs once (JIT warm-up included).",
                "", "| measurement | data | result | target |", "|---|---|---|---|"), work -> {
                    List<String> lines = new ArrayList<>();
                    RoiSet rois = grid(side, roiCount);
                    Path video = writeVideo(work.resolve("input.nsv"), frames, side, rois);
                    try (FileVideo input = VideoStore.open(video)) {
                        String data = frames + " x " + side + " x " + side + " uint16";
                        double labelSeconds = timeLabeler(input, work, 1);
                        lines.add(String.format("| Blob Labeler, active cells (default settings) | %s | %.0f "
                                + "frames/s | >= 100 |", data, frames / labelSeconds));
                        double validationSeconds = timeValidation(input, rois, work);
                        lines.add(String.format("| Activity Validation, %d ROIs | %s | %.1f s | <= 10 s |",
                                rois.size(), data, validationSeconds));
                    }
                    lines.add(String.format("| max heap of the JVM (streaming: bounded whatever the frame count) | "
                            + "| %d MB | |", Runtime.getRuntime().maxMemory() >> 20));
                    return lines;
                });
    }

    private static double timeLabeler(Video video, Path work, int run) throws Exception {
        long start = System.nanoTime();
        PortValues out = BlobLabelerStage.INSTANCE.run(PortValues.of(BlobLabelerStage.VIDEO, video),
                BlobLabelerStage.INSTANCE.defaults(),
                StageContext.inDirectory(work.resolve("label" + run), ProgressMonitor.NONE));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.get(BlobLabelerStage.BLOB_MASKS).close();
        out.get(BlobLabelerStage.VIDEO_MASK).close();
        return seconds;
    }

    private static double timeValidation(Video video, RoiSet rois, Path work) throws Exception {
        long start = System.nanoTime();
        ActivityValidationStage.INSTANCE.run(PortValues.of(ActivityValidationStage.VIDEO, video)
                .with(ActivityValidationStage.ROIS, rois), ActivityValidationStage.INSTANCE.defaults(),
                StageContext.inDirectory(work, ProgressMonitor.NONE));
        return (System.nanoTime() - start) / 1e9;
    }

    /** ROIs as disks on a regular grid covering the frame. */
    private static RoiSet grid(int side, int count) {
        int perRow = (int) Math.ceil(Math.sqrt(count));
        double spacing = (double) side / perRow;
        float[] labels = new float[side * side];
        for (int k = 0; k < count; k++) {
            boolean[] disk = Morphology.drawDisk(new boolean[side * side], side, side,
                    (k / perRow + 0.5) * spacing, (k % perRow + 0.5) * spacing, CELL_RADIUS_PX);
            for (int i = 0; i < disk.length; i++) {
                if (disk[i]) {
                    labels[i] = k + 1;
                }
            }
        }
        return RoiSet.fromLabelImage(labels, side, side);
    }

    private static Path writeVideo(Path file, int frames, int side, RoiSet rois) throws Exception {
        boolean[] cells = rois.toMask();
        SplittableRandom random = new SplittableRandom(1);
        float[] frame = new float[side * side];
        try (VideoWriter writer = VideoStore.create(file, side, side, PixelType.UINT16, 10, null)) {
            for (int t = 0; t < frames; t++) {
                for (int i = 0; i < frame.length; i++) {
                    double noise = 200 * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2;
                    frame[i] = (float) (4500 + (cells[i] ? 1100 : 0) + noise);
                }
                writer.append(frame);
            }
            return writer.commit();
        }
    }
}
