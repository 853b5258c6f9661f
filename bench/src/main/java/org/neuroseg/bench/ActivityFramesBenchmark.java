package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/**
 * Activity Frames' speed on a synthetic epifluorescence video, against a plain pass reading the same frames: the
 * first run in the process (as {@code neuroseg} runs it once, the JIT compiling the loops meanwhile), then a second
 * run on compiled code, each against a plain pass just before it.
 */
final class ActivityFramesBenchmark {

    private ActivityFramesBenchmark() {
    }

    /** @return the table rows */
    static List<String> run(Path work, int frames, int side) throws Exception {
        SyntheticParams params = PreprocessBenchmark.sized(SyntheticParams.epifluorescence(), frames, side);
        SyntheticResult synthetic = SyntheticVideoGenerator.generate(params, work.resolve("epi"),
                ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(synthetic.videoFile())) {
            List<String> rows = new ArrayList<>();
            for (String run : List.of("first run", "second run, compiled")) {
                double plain = PreprocessBenchmark.plainPass(video);
                Path target = work.resolve("activity.nsv");
                long start = System.nanoTime();
                ActivityFramesStage.compute(video, ActivityFramesStage.INSTANCE.defaults(), target,
                        ProgressMonitor.NONE);
                double rate = frames / ((System.nanoTime() - start) / 1e9);
                Files.deleteIfExists(target);
                rows.add(String.format(Locale.ROOT, "| %s (settling pass over the first 30 s included), %s | %.1f | "
                        + "%.3f |", PreprocessBenchmark.size(video.shape()), run, rate, rate / plain));
            }
            return rows;
        }
    }
}
