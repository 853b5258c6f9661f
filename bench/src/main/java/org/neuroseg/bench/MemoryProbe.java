package org.neuroseg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.MappedVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * Runs local equalization and motion correction on the first N frames of a store and prints, as its last line,
 * the process's peak resident memory and the peak heap used, in MB: {@code "<rss> <heap>"}.
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** @param args store path, number of frames */
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory(store.getParent(), "probe");
        try (MappedVideo video = VideoStore.open(store)) {
            Video first = new PreprocessBenchmark.FirstFrames(video, frames);
            Path equalized = LocalEqualizationStage.equalize(first, LocalEqualizationStage.INSTANCE.defaults(),
                    dir.resolve("eq.nsv"), 2, ProgressMonitor.NONE);
            try (MappedVideo eq = VideoStore.open(equalized)) {
                for (Object output : MotionCorrectionStage.INSTANCE.run(java.util.List.of(eq),
                        MotionCorrectionStage.INSTANCE.defaults(), StageContext.inDirectory(dir,
                                ProgressMonitor.NONE))) {
                    if (output instanceof Video corrected) {
                        corrected.close();
                    }
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).map(line -> line.replaceAll("\\D", "")).findFirst()
                .orElse("0");
        System.out.println(Long.parseLong(rss) / 1024 + " " + (heap >> 20));
    }
}
