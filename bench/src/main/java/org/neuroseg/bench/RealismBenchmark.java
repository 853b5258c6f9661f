package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.Video;

/**
 * How real the synthetic presets look: {@link RealismStatistics} on the real recordings of each kind (one-photon:
 * the two LIN DG-13 miniscope sessions and the Inscopix movie; two-photon: the Neurofinder crop) and on a video of
 * the matching preset (side x side, the preset's frame rate, cell count scaled to the area, motion off), one table
 * per kind: statistic, real values, preset value, tolerance, within.
 */
final class RealismBenchmark {

    /** One row of the comparison: how to read the statistic and how close the preset must be. */
    private record Statistic(String name, ToDoubleFunction<Measured> value, double factor,
            double plusMinus, boolean rawOnly, boolean onePhotonOnly) {
    }

    /** One video's statistics: those of its frames and of its Activity Frames. */
    private record Measured(RealismStatistics.Result frames, RealismStatistics.Activity activity) {

        static Measured of(Video video, double frameRateHz, Path work) throws Exception {
            return new Measured(RealismStatistics.measure(video, frameRateHz),
                    RealismStatistics.activity(video, frameRateHz, work));
        }
    }

    /** A real recording with its kind and whether its values are raw brightness (not ΔF/F-converted). */
    private record Real(RealDataBenchmark.Recording recording, boolean raw) {
    }

    /**
     * Seeds of the preset's videos: each statistic of a 256 x 256 x 400 video moves with the seed (on the two-photon
     * preset the cells' resting contrast read 0.78, 0.31 and 0.34 on seeds 1-3), so the table compares their median.
     */
    private static final long[] PRESET_SEEDS = {1, 2, 3, 4, 5};

    private static final List<Statistic> STATISTICS = List.of(
            new Statistic("noise std / mean image's brightness range (p95 - p5)", m -> m.frames().noiseRelative(),
                    2, 0, false, false),
            new Statistic("shot-noise share of the noise variance across the brightness range",
                    m -> m.frames().shotShare(), 0, 0.25, false, false),
            new Statistic("power-spectrum exponent of the mean image, 0.04-0.25 cycles/px",
                    m -> m.frames().meanSpectrumExponent(), 0, 0.5, false, false),
            new Statistic("power-spectrum exponent of the background (mean image below 0.04 cycles/px)",
                    m -> m.frames().backgroundSpectrumExponent(), 0, 0.5, false, false),
            new Statistic("cell diameter (px, autocorrelation of the high-passed signal-std image)",
                    m -> m.frames().cellDiameterPx(), 1.25, 0, false, false),
            new Statistic("peak transient / noise (active pixels, 3-frame mean)", m -> m.frames().peakSnr(),
                    2, 0, false, false),
            new Statistic("peak ΔF/F of active pixels (F0 above the mean image's 1st percentile)",
                    m -> m.frames().peakDff(), 2, 0, true, false),
            new Statistic("event rate of active pixels (Hz)", m -> m.frames().eventRateHz(), 2, 0, false,
                    false),
            new Statistic("fraction of the frame covered by cells", m -> m.frames().coverage(), 1.5, 0, false,
                    false),
            new Statistic("resting cell - ring contrast in the mean image / noise std",
                    m -> m.frames().restingContrast(), 2, 0, false, false),
            new Statistic("slow (2 s) fluctuation of the frame mean / pixel noise std",
                    m -> m.frames().slowFluctuation(), 2, 0, false, true),
            new Statistic("correlation of frame-to-frame changes between pixels 2 px apart",
                    m -> m.frames().changeCorrelation(), 0, 0.15, false, false),
            new Statistic("frame-wide change of the fine structure (robust std of each frame's gain against the "
                    + "mean image, both high-passed)", m -> m.frames().frameWideChange(), 2, 0, true, false),
            new Statistic("median pixel's peak in Activity Frames (noise units; about 3 where only noise moves)",
                    m -> m.activity().medianPeak(), 1.5, 0, false, false),
            new Statistic("share of all pixels of all frames at 5 noise units or more in Activity Frames (the "
                    + "strong activity a U-Net that suits the recording marks)", m -> m.activity().strongShare(), 3, 0,
                    false, false));

    private RealismBenchmark() {
    }

    /** @return the preamble's method notes and the tables */
    static List<String> run(Path work, Path realFolder, int frames, int side) throws Exception {
        List<RealDataBenchmark.Recording> recordings = RealDataBenchmark.recordings(realFolder);
        List<Real> onePhoton = new ArrayList<>();
        List<Real> twoPhoton = new ArrayList<>();
        for (RealDataBenchmark.Recording recording : recordings) {
            if (recording.kind().startsWith("two-photon")) {
                twoPhoton.add(new Real(recording, true));
            } else {
                // the LIN DG-13 frames were converted to ΔF/F before saving; the Inscopix movie keeps its brightness
                onePhoton.add(new Real(recording, !recording.name().startsWith("lin-dg13")));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(table("one-photon", onePhoton, SyntheticParams.epifluorescence(), work, frames, side));
        lines.add("");
        lines.addAll(table("two-photon", twoPhoton, SyntheticParams.twoPhoton(), work, frames, side));
        return lines;
    }

    private static List<String> table(String kind, List<Real> reals, SyntheticParams preset, Path work, int frames,
            int side) throws Exception {
        SyntheticParams params = scaled(preset, frames, side);
        List<Measured> synthetic = new ArrayList<>();
        for (long seed : PRESET_SEEDS) {
            Path folder = Files.createDirectories(work.resolve(kind + "-seed" + seed));
            SyntheticResult generated = SyntheticVideoGenerator.generate(params.toBuilder().seed(seed).build(),
                    folder, ProgressMonitor.NONE);
            try (Video video = VideoFormats.open(generated.videoFile())) {
                synthetic.add(Measured.of(video, params.frameRateHz(), work));
            }
            AtomicFiles.deleteTreeQuietly(folder);
        }
        List<Measured> measured = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (Real real : reals) {
            try (Video video = VideoFormats.open(real.recording().video())) {
                measured.add(Measured.of(video, real.recording().frameRateHz(), work));
            }
            names.append(names.length() == 0 ? "" : "; ").append(real.recording().name());
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "**%s**: real %s; preset %s %d x %d x %d frames at %.1f Hz, %d cells, "
                + "motion off, seeds %s (true mean cell diameter %.1f px): the preset's value is the median over the "
                + "seeds, their range in brackets. Real values in the order listed; ΔF/F rows use only recordings "
                + "kept in raw brightness (bracketed values are shown, not compared).", kind, names,
                kind.equals("one-photon") ? "epifluorescence()" : "twoPhoton()", params.width(), params.height(),
                params.frames(), params.frameRateHz(), params.neuronCount(), seedList(),
                params.radiusMinPx() + params.radiusMaxPx()));
        lines.add("");
        lines.add("| statistic | real | preset | tolerance | within |");
        lines.add("|---|---|---|---|---|");
        int within = 0;
        int compared = 0;
        for (Statistic statistic : STATISTICS) {
            if (statistic.onePhotonOnly() && !kind.equals("one-photon")) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            List<String> values = new ArrayList<>();
            for (int i = 0; i < reals.size(); i++) {
                double value = statistic.value().applyAsDouble(measured.get(i));
                boolean counted = !statistic.rawOnly() || reals.get(i).raw();
                values.add(counted ? format(value) : "[" + format(value) + "]");
                if (counted && Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
            double[] presetValues = synthetic.stream().mapToDouble(statistic.value()).sorted().toArray();
            double presetValue = presetValues[presetValues.length / 2];
            String tolerance;
            boolean ok;
            if (statistic.factor() > 0) {
                tolerance = "real range x/÷ " + format(statistic.factor());
                double f = statistic.factor();
                ok = presetValue >= (min >= 0 ? min / f : min * f) && presetValue <= (max >= 0 ? max * f : max / f);
            } else {
                tolerance = "real range ± " + format(statistic.plusMinus());
                ok = presetValue >= min - statistic.plusMinus() && presetValue <= max + statistic.plusMinus();
            }
            compared++;
            within += ok ? 1 : 0;
            lines.add("| " + statistic.name() + " | " + String.join("; ", values) + " | " + format(presetValue) + " ["
                    + format(presetValues[0]) + ", " + format(presetValues[presetValues.length - 1]) + "] | "
                    + tolerance + " | " + (ok ? "yes" : "no") + " |");
        }
        lines.add("");
        lines.add(kind + ": " + within + " of " + compared + " statistics within tolerance.");
        return lines;
    }

    private static String seedList() {
        StringBuilder list = new StringBuilder();
        for (long seed : PRESET_SEEDS) {
            list.append(list.length() == 0 ? "" : ", ").append(seed);
        }
        return list.toString();
    }

    /** The preset at {@code side} x {@code side} x {@code frames}, cells scaled to the area, motion off. */
    static SyntheticParams scaled(SyntheticParams preset, int frames, int side) {
        double area = side * (double) side / (preset.width() * (double) preset.height());
        return preset.toBuilder().size(side, side, frames)
                .neuronCount((int) Math.round(preset.neuronCount() * area)).motionAmplitudePx(0).jumpProbability(0)
                .jumpSizePx(0).maxShiftPx(0).build();
    }

    private static String format(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        // shares far below a percent keep two significant digits
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.2f"
                : magnitude >= 0.01 || magnitude == 0 ? "%.3f" : "%.2g", value);
    }
}
