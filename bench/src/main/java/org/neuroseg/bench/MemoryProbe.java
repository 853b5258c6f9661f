package org.neuroseg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * Runs local equalization and motion correction on the first N frames of a store and prints, as its last line, in
 * MB: the process's peak resident memory, the peak of its anonymous resident memory (heap, native OpenCV buffers,
         code; sampled every 20 ms)
 * and the peak heap used: {@code "<rss> <anonymous> <heap>"}.
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** @param args store path, number of frames */
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory(store.getParent(), "probe");
        long[] peakAnonKb = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakAnonKb[0] = Math.max(peakAnonKb[0], statusKb("RssAnon:"));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try (FileVideo video = VideoStore.open(store)) {
            Video first = new PreprocessBenchmark.FirstFrames(video, frames);
            Path equalized = LocalEqualizationStage.equalize(first, LocalEqualizationStage.INSTANCE.defaults(),
                    dir.resolve("eq.nsv"), 2, StageContext.inDirectory(dir, ProgressMonitor.NONE));
            try (FileVideo eq = VideoStore.open(equalized)) {
                MotionCorrectionStage.INSTANCE.run(PortValues.of(MotionCorrectionStage.VIDEO, eq),
                        MotionCorrectionStage.INSTANCE.defaults(), StageContext.inDirectory(dir,
                                ProgressMonitor.NONE)).closeAll();
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
        sampler.interrupt();
        sampler.join();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(statusKb("VmHWM:") / 1024 + " " + peakAnonKb[0] / 1024 + " " + (heap >> 20));
    }

    /** @return a field of /proc/self/status in kB, 0 where unavailable */
    private static long statusKb(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field))
                    .map(line -> line.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
