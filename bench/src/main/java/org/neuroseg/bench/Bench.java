package org.neuroseg.bench;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.io.AtomicFiles;

/**
 * Runs the benchmarks and appends a dated section to bench/RESULTS.md. Usage (from the repository root, after
 * {@code ./mvnw -B package -DskipTests}): {@code bench/run [frames] [side] [repeats]}; defaults 3600 512 3.
 * {@code bench/run classical [frames] [side] [rois]} runs only the classical stages ({@link ClassicalBenchmark}).
 * The U-Net suite alone: {@code bench/run unet [model file] [frames per video]}; defaults
 * models/unet-default/unet-default.nsmodel and 100. The CGRU suite alone: {@code bench/run cgru [frames ...]};
 * default 600 3600. The end-to-end suite alone: {@code bench/run endtoend [frames ...]}; default 600 3600.
 * The real recordings: {@code bench/run real [--no-self-training]}. Activity frames' speed:
 * {@code bench/run activity [frames] [side]}; defaults 600 512. How real the presets look against the real
 * recordings: {@code bench/run realism [frames] [side]}; defaults 400 256. What each network contributes:
 * {@code bench/run models [frames [unet cgru]]}, and on the selection videos {@code bench/run select ...}.
 */
public final class Bench {

    private Bench() {
    }

    /**
     * @param args frames, frame side in pixels, repeats; each optional. With first argument {@code preprocess}:
     *        only the equalization and motion-correction suite, then frames and side; with
     *        {@code preprocess-memory}: only its memory probes; with {@code classical}: the classical stages; with
     *        {@code unet}, {@code cgru} or {@code endtoend}: that suite
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("unet")) {
            runUnet(args);
            return;
        }
        if (args.length > 0 && args[0].equals("cgru")) {
            runCgru(args);
            return;
        }
        if (args.length > 0 && args[0].equals("endtoend")) {
            runEndToEnd(args);
            return;
        }
        if (args.length > 0 && args[0].equals("real")) {
            runReal(args);
            return;
        }
        if (args.length > 0 && args[0].equals("realism")) {
            runRealism(args);
            return;
        }
        if (args.length > 0 && args[0].equals("activity")) {
            int frames = args.length > 1 ? Integer.parseInt(args[1]) : 600;
            int side = args.length > 2 ? Integer.parseInt(args[2]) : 512;
            appendSection("activity frames speed", List.of("Command: `bench/run activity " + frames + " " + side
                    + "`. Machine: " + machine() + "; load average at start " + loadAverage() + ". Target: at "
                    + "least 200 frames/s at 512 x 512.", "", "| data | frames/s | ratio to reading the frames |",
                    "|---|---|---|"), work -> ActivityFramesBenchmark.run(work, frames, side));
            return;
        }
        if (args.length > 0 && (args[0].equals("models") || args[0].equals("select"))) {
            runModels(args);
            return;
        }
        if (args.length > 0 && args[0].equals("classical")) {
            ClassicalBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length), machine());
            return;
        }
        if (args.length > 0 && args[0].startsWith("preprocess")) {
            preprocess(args[0].equals("preprocess-memory"), args.length > 1 ? Integer.parseInt(args[1]) : 3600,
                    args.length > 2 ? Integer.parseInt(args[2]) : 512);
            return;
        }
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        appendSection("reading and the video store", List.of(
                "Command: `bench/run " + frames + " " + side + " " + repeats + "`. Machine: " + machine() + ".",
                repeats + " runs each; the ratio is against the plain copy of the same file in the same "
                + "run (target >= 0.5). The input is in the page cache; both outputs are flushed to disk (fsync) "
                + "inside the timing, and the two alternate in order. Disk write-back "
                + "makes single runs noisy (it only ever slows a run down), so the fastest run is the headline.",
                "",
                "| measurement | data | rate | ratio to plain copy |",
                "|---|---|---|---|"), work -> IoBenchmark.run(work, frames, side, repeats));
    }

    private static void preprocess(boolean memoryOnly, int frames, int side) throws Exception {
        appendSection("local equalization and motion correction", List.of(
                "Command: `bench/run " + (memoryOnly ? "preprocess-memory " : "preprocess ") + frames + " " + side
                + "`. Machine: " + machine() + ".",
                "Synthetic videos (seed 1) of the epifluorescence and two-photon presets; 2 worker threads. Ratios "
                + "are against a plain pass reading every frame of the same store as float[] in the same run. "
                + "Shift errors are against the generator's true shifts after removing the constant offset of the "
                + "template's position; the mean image of the raw video corrected with the estimated shifts is "
                + "compared with the mean of the same video generated without motion, moved by that offset.",
                "",
                "| measurement | data | rate | ratio to plain pass | accuracy |",
                "|---|---|---|---|---|"), work -> memoryOnly ? PreprocessBenchmark.memoryOnly(work, frames, side)
                        : PreprocessBenchmark.run(work, frames, side));
    }

    private static void runUnet(String[] args) throws Exception {
        Path model = Path.of(args.length > 1 ? args[1] : "models/unet-default/unet-default.nsmodel");
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        appendSection("U-Net speed and accuracy", List.of("Command: `bench/run unet " + model + " " + frames
                + "`. Machine: " + machine() + "; load average at start " + loadAverage() + ".", ""), work -> {
                    List<String> lines = new ArrayList<>(UNetBenchmark.run(work, model, frames));
                    lines.add("");
                    lines.add("Load average at the end: " + loadAverage() + " (other builds shared the machine).");
                    return lines;
                });
    }

    /** The CGRU suite: {@code bench/run cgru [frames ...]}, default 600 3600. */
    private static void runCgru(String[] args) throws Exception {
        int[] lengths = lengths(args);
        appendSection("CGRU inference speed and memory", List.of("Command: `bench/run cgru" + arguments(args)
                + "`. Machine: " + machine() + "; PyTorch threads: "
                + System.getProperty("ai.djl.pytorch.num_threads", "engine default (one per core)")
                + "; load average at start " + loadAverage() + ". Target: at least 50 frames/s at 512 x 512.", ""),
                work -> CgruBenchmark.run(work, lengths));
    }

    /**
     * The end-to-end suite: {@code bench/run endtoend [frames ...]}, default 600 3600; the CGRU is the shipped one
     * unless {@code -Dneuroseg.bench.cgru=FILE} names another, and the U-Net and CGRU comparison takes
     * {@code -Dneuroseg.bench.comparedFrames} frames (default 200).
     */
    private static void runEndToEnd(String[] args) throws Exception {
        int[] lengths = lengths(args);
        String cgru = System.getProperty("neuroseg.bench.cgru", "shipped");
        int compared = Integer.getInteger("neuroseg.bench.comparedFrames", 200);
        appendSection("end-to-end pipeline speed and memory", List.of("Command: `bench/run endtoend" + arguments(args)
                + "`" + (cgru.equals("shipped") ? "" : " with `-Dneuroseg.bench.cgru=" + cgru + "`") + ". Machine: "
                + machine() + "; load average at start " + loadAverage() + ". Models: the shipped U-Net, CGRU "
                + (cgru.equals("shipped") ? "the shipped one" : cgru) + ". Targets: at least 10 frames/s end to end "
                + "at 512 x 512 on 2 cores; peak resident memory at most 2 GB and the same for 600 and 3600 frames.",
                ""), work -> {
                    List<String> lines = new ArrayList<>(EndToEndBenchmark.run(work, lengths, compared, cgru));
                    lines.add("");
                    lines.add("Load average at the end: " + loadAverage() + ".");
                    return lines;
                });
    }

    /**
     * The real recordings: {@code bench/run real [--no-self-training]}; reads ../shared/data/real (or
     * {@code -Dneuroseg.bench.real=FOLDER}) in place and writes one picture per recording into bench/real/.
     */
    private static void runReal(String[] args) throws Exception {
        boolean selfTraining = !List.of(args).contains("--no-self-training");
        Path real = realFolder();
        List<RealDataBenchmark.Recording> recordings = RealDataBenchmark.recordings(real);
        if (recordings.isEmpty()) {
            throw new IllegalStateException("no real recordings under " + real.toAbsolutePath());
        }
        appendSection("real recordings", List.of("Command: `bench/run real" + arguments(args) + "`. Machine: "
                + machine() + "; load average at start " + loadAverage() + ". Recordings: " + real + " (README "
                + "there: sources and labels). Labels are partial, so recall comes first; precision counts "
                + "unlabelled real cells against a method. Centroid: Neurofinder's rule (centroids < 5 px, greedy); "
                + "IoU: IoU >= 0.5, Hungarian; CaImAn: IoU > 0.3 and centroids < 10 px. Projections are "
                + "thresholded at their best percentile by centroid F1 (an upper bound for them; Otsu without "
                + "labels). The self-trained row trains on the recording it is scored on (no labels used). "
                + "Pictures: bench/real/NAME.png (standard-deviation image; labels blue, shipped models' neurons "
                + "green, self-trained neurons yellow). Pixel Dice against the labelled regions (a lower bound: "
                + "unlabelled cells count as false positives), as in the paper's Table 2.", "",
                "| recording | method | labelled | kept | candidates | recall (centroid) | precision (centroid) "
                + "| F1 centroid | F1 IoU | F1 CaImAn | pixel Dice | kept with an event | s |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|"),
                work -> RealDataBenchmark.run(work, recordings, selfTraining, Path.of("bench/real")));
    }

    /**
     * What each network contributes on held-out synthetic videos: {@code bench/run models [frames [unet cgru]]},
     * default 400 frames and the shipped models; {@code bench/run select [frames [unet cgru]]} gives the same table
     * on the selection videos, for choosing among trained models, and the U-Net's coverage of the real recordings'
     * activity ({@link RealDataBenchmark#coverage}).
     */
    private static void runModels(String[] args) throws Exception {
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        ModelFile[] models = args.length > 3 ? new ModelFile[] {new ModelFile(Path.of(args[2]),
                org.neuroseg.dl.model.UNetModelFile.ARCHITECTURE), new ModelFile(Path.of(args[3]),
                org.neuroseg.dl.model.CgruModelFile.ARCHITECTURE)} : ModelsBenchmark.shipped();
        boolean selection = args[0].equals("select");
        appendSection(selection ? "choosing among trained models (selection videos)"
                : "what each network contributes", List.of("Command: `bench/run " + args[0] + arguments(args)
                + "`. Machine: " + machine() + "; load average at start " + loadAverage() + ". Models: "
                + (args.length > 3 ? args[2] + ", " + args[3] : "the shipped U-Net and CGRU") + ". "
                + (selection ? "Selection videos (seeds " + ModelsBenchmark.seedRanges(ModelsBenchmark.SELECTION)
                        + ", for choosing among trained models; no training script and no score uses these seeds)"
                        : "Held-out synthetic videos (seeds " + ModelsBenchmark.seedRanges(ModelsBenchmark.HELD_OUT)
                        + "; no training script uses these seeds)") + ", 256 x 256, " + frames + " frames, "
                + "no motion, 30 % silent cells. Firing cells: functional cells with at least "
                + "one visible transient (5 noise std over the cell, firing_regions.json of `neuroseg generate`); "
                + "functional cells whose transients all stay below it count neither way. U-Net AUC: per cell, the "
                + "temporal standard deviation of its mean probability, firing against silent cells (0.5 = no "
                + "information). CGRU alone: its probability image refined with Morphological Refinement's defaults "
                + "and outlined by Cell Outlines (as `neuroseg run --cell-map cgru` does), before Activity "
                + "Validation. Candidates: `neuroseg run`'s regions from its default cell map, before Activity "
                + "Validation. Neuron scores against the firing cells, IoU >= 0.5, Hungarian. Projections: Otsu "
                + "threshold (the paper's Table 2 baselines). The pooled row sums matches, neurons and firing cells "
                + "over the videos, so that each cell counts once."
                + (selection ? " Below the table, on each real recording (no labels used): the share of its "
                        + "strongly active pixels (Activity Frames at 5 noise units or more) that the U-Net marks, "
                        + "and of all its pixels of all frames." : ""), ""),
                work -> {
                    List<String> rows = new ArrayList<>(ModelsBenchmark.run(work, frames, models[0], models[1],
                            selection ? ModelsBenchmark.SELECTION : ModelsBenchmark.HELD_OUT));
                    if (selection) {
                        rows.add("");
                        rows.addAll(realCoverage(work, models[0]));
                    }
                    return rows;
                });
    }

    /** @return the folder of the real recordings: ../shared/data/real, or {@code -Dneuroseg.bench.real=FOLDER} */
    private static Path realFolder() {
        return Path.of(System.getProperty("neuroseg.bench.real", "../shared/data/real"));
    }

    /**
     * @return the U-Net's coverage of each real recording's strong activity ({@link RealDataBenchmark#coverage}),
     *         or a line saying that there are no real recordings to measure it on
     */
    private static List<String> realCoverage(Path work, ModelFile unet) throws Exception {
        Path real = realFolder();
        List<RealDataBenchmark.Recording> recordings = RealDataBenchmark.recordings(real);
        return recordings.isEmpty() ? List.of("No real recordings under " + real.toAbsolutePath()
                + ": the U-Net's coverage of their activity is not measured.")
                : RealDataBenchmark.coverage(work, recordings, unet);
    }

    /**
     * The realism tables: {@code bench/run realism [frames] [side]} (defaults 400 256), real recordings from
     * ../shared/data/real (or {@code -Dneuroseg.bench.real=FOLDER}).
     */
    private static void runRealism(String[] args) throws Exception {
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int side = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Path real = realFolder();
        if (RealDataBenchmark.recordings(real).isEmpty()) {
            throw new IllegalStateException("no real recordings under " + real.toAbsolutePath());
        }
        appendSection("realism", List.of("Command: `bench/run realism " + frames + " " + side + "`. Machine: "
                + machine() + "; load average at start " + loadAverage() + ". Recordings: " + real + ". One set of "
                + "estimators (bench/src/main/java/org/neuroseg/bench/RealismStatistics.java) on every video: per "
                + "pixel mean, noise variance from temporal differences (var(x[t+1] - x[t]) / 2) and signal std (the "
                + "temporal std the noise does not explain, sqrt(var - noise variance)); "
                + "noise-variance-against-mean line through the medians of 20 equal-count brightness bins; spectra "
                + "of the central square crop (at most 192 px, Hann window), radially averaged; high-passed = minus "
                + "a Gaussian blur of sigma 10 px; cell diameter = lag where the high-passed signal-std image's "
                + "autocorrelation falls half-way to its minimum (zero lag extrapolated from lags 1-2, so pixel "
                + "noise does not count), over 0.404 (exact for uniform disks); active pixels = top 2 % of the "
                + "high-passed signal-std image (no labels used, so every recording is treated alike); events = "
                + "3-frame mean above median + 4 noise std; coverage = high-passed signal std above median + 3 "
                + "robust std (of the pixels with some signal std); frame-wide change = robust std over the frames "
                + "of each frame's gain against the mean image, both high-passed; resting contrast = mean image over "
                + "covered pixels minus over a ring 2-3 px outside them; Activity Frames with their defaults (what "
                + "the U-Net reads), each pixel's peak over the video, median over the pixels. A preset value is "
                + "within when it lies in the range of the real values widened by the tolerance.",
                ""), work -> RealismBenchmark.run(work, real, frames, side));
    }

    /** @return the video lengths given after the suite's name, or 600 and 3600 */
    private static int[] lengths(String[] args) {
        return args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {600, 3600};
    }

    /** @return the arguments after the suite's name as typed, each after a space */
    private static String arguments(String[] args) {
        return args.length > 1 ? " " + String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length)) : "";
    }

    /** What a suite measures in its scratch folder: the rows of its section. */
    interface Measurement {
        List<String> run(Path work) throws Exception;
    }

    /**
     * Runs a suite in a scratch folder beside bench/RESULTS.md (deleted afterwards), prints its section and appends it
     * to the results file ({@code -Dneuroseg.bench.results} names another): a dated heading, then {@code preamble}
     * (command, machine, what is measured), then the measured rows.
     */
    static void appendSection(String title, List<String> preamble, Measurement measurement) throws Exception {
        Path results = Path.of(System.getProperty("neuroseg.bench.results", "bench/RESULTS.md"));
        Path work = Files.createTempDirectory(results.toAbsolutePath().getParent(), "bench-work");
        List<String> lines = new ArrayList<>(List.of("", "## " + LocalDate.now() + ": " + title, ""));
        lines.addAll(preamble);
        try {
            lines.addAll(measurement.run(work));
        } finally {
            AtomicFiles.deleteTreeQuietly(work);
        }
        lines.forEach(System.out::println);
        Files.write(results, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** @return the 1-minute load average, or "unknown" */
    static String loadAverage() throws Exception {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
    }

    private static String machine() throws Exception {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " on " + InetAddress.getLocalHost().getHostName();
    }
}
