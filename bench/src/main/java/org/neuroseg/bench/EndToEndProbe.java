package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.dl.pipeline.EndToEndPipeline;
import org.neuroseg.dl.pipeline.CellMap;
import org.neuroseg.dl.pipeline.FunctionalProbability;
import org.neuroseg.dl.pipeline.GroundTruth;
import org.neuroseg.dl.pipeline.PipelineResult;
import org.neuroseg.dl.pipeline.PipelineSettings;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * One measurement of {@link EndToEndBenchmark} in a JVM of its own (peak memory is per process, and PyTorch reads
 * its thread count once per process). Prints {@code STEP <seconds> <name>} lines and, last, {@code RESULT ...}.
 *
 * <p>{@code pipeline VIDEO TRUTH OUTPUT CGRU TRUE_SHIFTS}: the whole pipeline with the shipped U-Net, default
 * settings and workers, scored against TRUTH moved by the true shifts ({@link GroundTruth});
 * {@code RESULT <frames> <seconds> <VmHWM MB> <neurons> <candidates> <neuron F1> <cores used>}.
 *
 * <p>{@code unet-cgru VIDEO FRAMES CGRU stages|streamed WORKERS}: only the U-Net and the CGRU on the first frames,
 * either as the two stages one after the other (the probability video written and read back) or streamed
 * ({@link FunctionalProbability}) with the given workers; {@code RESULT <frames> <seconds> <VmHWM MB> <cores used>}.
 * CGRU is a model file or {@code shipped}.
 */
final class EndToEndProbe {

    private EndToEndProbe() {
    }

    /**
     * @return CPU time of this process over the last {@code seconds} of wall-clock time, in cores: 2.0 means both
     *         cores of a 2-core machine were busy all along (includes the JVM's start, a fraction of a second)
     */
    private static double coresUsed(double seconds) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9 / seconds;
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        ModelFile cgru = args[args[0].equals("pipeline") ? 4 : 3].equals("shipped") ? ShippedModels.cgru()
                : new ModelFile(Path.of(args[args[0].equals("pipeline") ? 4 : 3]), "cgru");
        if (args[0].equals("pipeline")) {
            PipelineSettings settings = PipelineSettings.defaults(Path.of(args[1]), ShippedModels.unet(), cgru);
            PipelineResult result = EndToEndPipeline.run(settings, new GroundTruth(Path.of(args[2]),
                    Path.of(args[5])), Path.of(args[3]), ProgressMonitor.NONE);
            for (StageTiming timing : result.timings()) {
                System.out.printf(Locale.ROOT, "STEP %.2f %s%n", timing.seconds(), timing.step());
            }
            System.out.printf(Locale.ROOT, "RESULT %d %.2f %d %d %d %.4f %.2f%n", result.video().frames(),
                    result.totalSeconds(), ProcStatus.megabytes("VmHWM:"), result.neurons().size(),
                    result.candidates().size(), result.scored().score().neuron(MatchingRule.IOU_HUNGARIAN).f1(),
                    coresUsed(result.totalSeconds()));
            return;
        }
        int frames = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[5]);
        try (FileVideo store = VideoStore.open(Path.of(args[1]))) {
            Video video = new PreprocessBenchmark.FirstFrames(store, frames);
            long start = System.nanoTime();
            if (args[4].equals("stages")) {
                Path work = Files.createTempDirectory(Path.of(args[1]).getParent(), "stages");
                StageContext context = StageContext.inDirectory(work, ProgressMonitor.NONE);
                try (Video probabilities = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO,
                        video).with(UNetPredictorStage.MODEL, ShippedModels.unet()),
                        UNetPredictorStage.INSTANCE.defaults(), context).get(UNetPredictorStage.PROBABILITIES)) {
                    (CgruPredictorStage.INSTANCE.run(PortValues.of(CgruPredictorStage.PROBABILITIES, probabilities)
                            .with(CgruPredictorStage.MODEL, cgru),
                            CgruPredictorStage.INSTANCE.defaults(),
                                    context).get(CgruPredictorStage.FUNCTIONAL_PROBABILITY)).close();
                }
            } else {
                FunctionalProbability.compute(video, CellMap.CGRU, ShippedModels.unet(), UNetPredictorStage.INSTANCE.defaults(),
                        cgru, CgruPredictorStage.INSTANCE.defaults(), ActiveCellTrackingStage.INSTANCE.defaults(),
                        workers, ProgressMonitor.NONE);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT %d %.2f %d %.2f%n", frames, seconds, ProcStatus.megabytes("VmHWM:"),
                    coresUsed(seconds));
        }
    }
}
