package org.neuroseg.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;

/**
 * The end-to-end pipeline ({@code neuroseg run}) at 512 x 512 with the shipped models: first the U-Net and CGRU
 * part alone on the first frames of a video, run as the two stages one after the other and streamed with one or
 * two U-Net workers (is overlapping worth it on this machine?), then the whole pipeline on synthetic
 * epifluorescence videos of each given length (seed 1, scored against their functional ground truth): seconds per
 * step, frames/s, the cores the process kept busy (CPU time over wall-clock time), frames per CPU second (what
 * frames/s would be per fully available core: other work on a shared machine lowers frames/s, not this) and its
 * peak resident memory (VmHWM). Every measurement runs in a JVM of its own with the default heap, as
 * {@code neuroseg run} does.
 */
final class EndToEndBenchmark {

    private static final int SIDE = 512;
    private static final String THREADS = "-Dai.djl.pytorch.num_threads=";

    private EndToEndBenchmark() {
    }

    /**
     * @param lengths frames of each whole-pipeline video; the first also serves the U-Net and CGRU comparison
     * @param comparedFrames frames of the comparison
     * @param cgru a CGRU model file or {@code shipped}
     */
    static List<String> run(Path work, int[] lengths, int comparedFrames, String cgru) throws Exception {
        List<String> rows = new ArrayList<>();
        SyntheticResult first = generate(work, lengths[0]);
        rows.add("U-Net and CGRU alone on the first " + comparedFrames + " frames of the " + lengths[0]
                + "-frame video (raw frames; the work does not depend on their content):");
        rows.add("");
        rows.add("| how | PyTorch threads per operation | U-Net workers | seconds | frames/s | cores used | frames per "
                + "CPU second | VmHWM | load average before |");
        rows.add("|---|---|---|---|---|---|---|---|---|");
        String video = first.videoFile().toString();
        String frames = Integer.toString(comparedFrames);
        rows.add(compared("two stages one after the other (probability video written and read)", "default", 1,
                probe("", "unet-cgru", video, frames, cgru, "stages", "1")));
        rows.add(compared("streamed, CGRU overlapping the U-Net", "default", 1,
                probe("", "unet-cgru", video, frames, cgru, "streamed", "1")));
        rows.add(compared("streamed, CGRU overlapping the U-Net", "1", 1,
                probe(THREADS + 1, "unet-cgru", video, frames, cgru, "streamed", "1")));
        rows.add(compared("streamed, CGRU overlapping the U-Net", "1", 2,
                probe(THREADS + 1, "unet-cgru", video, frames, cgru, "streamed", "2")));
        rows.add("");
        rows.add("The whole pipeline (`neuroseg run` defaults: one PyTorch thread per operation, one U-Net worker "
                + "per core), neuron F1 against the functional ground truth (IoU >= 0.5, Hungarian):");
        rows.add("");
        rows.add("| video | seconds | frames/s | cores used | frames per CPU second | VmHWM | candidates | neurons | "
                + "neuron F1 | load average before |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<String>> steps = new LinkedHashMap<>();
        for (int i = 0; i < lengths.length; i++) {
            SyntheticResult synthetic = i == 0 ? first : generate(work, lengths[i]);
            Path output = Files.createDirectories(work.resolve("run" + lengths[i]));
            Probe result = probe(THREADS + 1, "pipeline", synthetic.videoFile().toString(),
                    synthetic.functionalRegionsFile().toString(), output.toString(), cgru,
                    synthetic.shiftsFile().toString());
            String[] r = result.values();
            double rate = Integer.parseInt(r[0]) / Double.parseDouble(r[1]);
            rows.add(String.format(Locale.ROOT, "| %s x %d x %d | %s | %.1f | %s | %.1f | %s MB | %s | %s | %s | %s |",
                    r[0], SIDE, SIDE, r[1], rate, r[6], rate / Double.parseDouble(r[6]), r[2], r[4], r[3], r[5],
                    result.loadBefore()));
            for (String[] step : result.steps()) {
                steps.computeIfAbsent(step[1], name -> new ArrayList<>()).add(step[0]);
            }
            AtomicFiles.deleteTreeQuietly(synthetic.videoFile().getParent());
            AtomicFiles.deleteTreeQuietly(output);
        }
        rows.add("");
        rows.add("Seconds per step:");
        rows.add("");
        StringBuilder header = new StringBuilder("| step |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int length : lengths) {
            header.append(' ').append(length).append(" frames |");
            rule.append("---|");
        }
        rows.add(header.toString());
        rows.add(rule.toString());
        steps.forEach((name, seconds) -> rows.add("| " + name + " | " + String.join(" | ", seconds) + " |"));
        return rows;
    }

    private static SyntheticResult generate(Path work, int frames) throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIDE, SIDE, frames).seed(1)
                .build();
        return SyntheticVideoGenerator.generate(params, Files.createDirectories(work.resolve("video" + frames)),
                ProgressMonitor.NONE);
    }

    private static String compared(String how, String threads, int workers, Probe probe) {
        String[] r = probe.values();
        double rate = Integer.parseInt(r[0]) / Double.parseDouble(r[1]);
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %s | %.1f | %s MB | %s |", how, threads,
                workers, r[1], rate, r[3], rate / Double.parseDouble(r[3]), r[2], probe.loadBefore());
    }

    /** What a probe printed: its RESULT values, its STEP lines (seconds, name) and the load average before it. */
    private record Probe(String[] values, List<String[]> steps, String loadBefore) {
    }

    private static Probe probe(String jvmOption, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (!jvmOption.isEmpty()) {
            command.add(jvmOption);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EndToEndProbe.class.getName()));
        command.addAll(List.of(args));
        String load = Bench.loadAverage();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "";
        List<String[]> steps = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("STEP ")) {
                    steps.add(line.substring(5).split(" ", 2));
                }
                last = line;
            }
        }
        if (process.waitFor() != 0 || !last.startsWith("RESULT ")) {
            throw new IllegalStateException("end-to-end probe " + String.join(" ", args) + " failed: " + last);
        }
        return new Probe(last.substring(7).trim().split(" "), steps, load);
    }
}
