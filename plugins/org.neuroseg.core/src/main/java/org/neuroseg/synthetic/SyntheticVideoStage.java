package org.neuroseg.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * Synthetic Video Generator: a calcium-imaging video with known neurons, for trying workflows, training and
 * scoring. Starts from a preset ({@link SyntheticParams#epifluorescence()} or {@link SyntheticParams#twoPhoton()})
 * and changes the size, the cells and the seed.
 */
public final class SyntheticVideoStage implements Stage {

    /** The stage. */
    public static final SyntheticVideoStage INSTANCE = new SyntheticVideoStage();

    /** Preset name of one-photon recordings. */
    public static final String EPIFLUORESCENCE = "epifluorescence";
    /** Preset name of two-photon recordings. */
    public static final String TWO_PHOTON = "two-photon";

    public static final ParamSpec PRESET = ParamSpec.choice("preset", "Recording type", EPIFLUORESCENCE,
            List.of(EPIFLUORESCENCE, TWO_PHOTON), "Epifluorescence: one-photon like the paper's (10 Hz, strong "
                    + "background, camera noise). Two-photon: like Neurofinder's (7.5 Hz, larger cells, weak "
                    + "background).");
    public static final ParamSpec WIDTH = ParamSpec.integer("width", "Width (px)", 512, 64, 4096,
            "Columns of each frame.");
    public static final ParamSpec HEIGHT = ParamSpec.integer("height", "Height (px)", 512, 64, 4096,
            "Rows of each frame.");
    public static final ParamSpec FRAMES = ParamSpec.integer("frames", "Number of frames", 600, 1, 1_000_000,
            "Length of the video; the paper's recordings have 3600 frames.");
    public static final ParamSpec NEURONS = ParamSpec.integer("neuronCount", "Number of cells", 300, 0, 65535,
            "Cells placed in the field of view, functional or silent (fewer are placed if they do not fit).");
    public static final ParamSpec SILENT = ParamSpec.decimal("silentFraction", "Share of silent cells", 0.3, 0, 1,
            "Cells that are visible but never fire; a good segmentation leaves them out.");
    public static final ParamSpec SPIKE_RATE = ParamSpec.decimal("spikeRateHz", "Spike rate (Hz)", 0.5, 0, 100,
            "Mean firing rate of a functional cell.");
    public static final ParamSpec CELL_DIAMETER = ParamSpec.decimal("cellDiameterPx", "Cell diameter (px)", 0, 0, 60,
            "Mean diameter of the cell bodies; they vary by ±18 % around it and keep the preset's spacing relative "
            + "to their size. 0 keeps the preset's (epifluorescence 8.5 px, two-photon 12 px).");
    public static final ParamSpec FRAME_RATE = ParamSpec.decimal("frameRateHz", "Frame rate (Hz)", 0, 0, 1000,
            "Frames per second; calcium transients keep their duration in seconds. 0 keeps the preset's "
            + "(epifluorescence 10 Hz, two-photon 7.5 Hz).");
    public static final ParamSpec INDICATOR = ParamSpec.choice("indicator", "Calcium indicator",
            Indicator.GCAMP6F.label(), java.util.Arrays.stream(Indicator.values()).map(Indicator::label).toList(),
            "Sets how bright (ΔF/F per spike) and how long (rise and decay) a transient is: GCaMP6f 0.19 and "
                    + "230 ms, jGCaMP7f 0.21 and 182 ms, jGCaMP8f 0.41 and 67 ms, jGCaMP8m 0.76 and 118 ms, "
                    + "jGCaMP8s 1.11 and 307 ms, jRGECO1a 0.28 and 250 ms.");
    public static final ParamSpec NOISE_SPREAD = ParamSpec.decimal("noiseSpreadPx", "Camera noise spread (px)", -1, -1,
            5, "How far each pixel's camera noise spreads over its neighbours (sigma of a Gaussian, px): 0 is "
            + "noise independent from pixel to pixel, as in two-photon recordings and binned sensors; one-photon "
            + "miniscope recordings measure 2-4.5 px. -1 keeps the preset's (epifluorescence 2 px, two-photon 0).");
    public static final ParamSpec CELL_BLUR = ParamSpec.decimal("cellBlurPx", "Cell blur (px)", -1, -1, 10,
            "How much the cell bodies are blurred (sigma of a Gaussian, px): a one-photon microscope does not "
            + "section optically and the tissue scatters, so its cells are soft blobs (1.5 px makes the mean "
            + "image's spatial spectrum as steep as real miniscope recordings'); a two-photon section shows "
            + "sharp somata. -1 keeps the preset's (0 for both: the shipped networks were trained on sharp cells).");
    public static final ParamSpec BACKGROUND_FLUCTUATION = ParamSpec.decimal("backgroundFluctuation",
            "Background fluctuation", -1, -1, 10, "How much the neuropil background and its fine texture brighten "
            + "and dim over time, relative to their level (a slow random process with a time constant of 1 s): the "
            + "whole frame's structure then brightens together, as neuropil activity, laser power or focus make "
            + "it. -1 keeps the preset's (epifluorescence 0.2; two-photon 0.03, as measured on a real two-photon "
            + "recording).");
    public static final ParamSpec MOTION = ParamSpec.bool("motion", "Add motion", true,
            "Move the field of view by a smooth random walk with occasional jumps, as in real recordings.");
    public static final ParamSpec SEED = ParamSpec.seed("seed", "Random seed", 1L,
            "The same seed and settings always give the same video, byte for byte.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video", "The simulated video, 16-bit camera counts.");
    public static final PortSpec<RoiSet> FUNCTIONAL_NEURONS = PortSpec.rois("Functional neurons",
            "Ground truth: the cells that fire, the target of the segmentation.");
    public static final PortSpec<RoiSet> ALL_CELLS = PortSpec.rois("All cells",
            "Ground truth: every cell, functional or silent.");
    public static final PortSpec<Raster> SPIKES = PortSpec.raster("Spikes",
            "True spike raster of every cell: one row per cell, one column per frame.");
    public static final PortSpec<RoiSet> FIRING_NEURONS = PortSpec.rois("Firing neurons",
            "Ground truth: the functional cells with at least one transient the video shows (its photons over the "
                    + "cell at least 5 times their noise in some frame). A functional cell whose transients all stay "
                    + "below the noise is invisible to any method; score against this port to judge what a method "
                    + "can find.");

    private SyntheticVideoStage() {
    }

    @Override
    public String id() {
        return "synthetic-video";
    }

    @Override
    public String name() {
        return "Synthetic Video Generator";
    }

    @Override
    public StageCategory category() {
        return StageCategory.IO;
    }

    @Override
    public String shortDescription() {
        return "Generates a calcium-imaging video with known neurons.";
    }

    @Override
    public String description() {
        return "Simulates a calcium-imaging recording with ground truth: cell bodies (ellipses with a dimmer "
                + "nucleus) placed at a minimum spacing, spike trains (Poisson with bursts; a share of cells "
                + "silent), calcium indicator kernels (GCaMP6f), a slowly fluctuating neuropil background with "
                + "uneven illumination, camera noise (shot noise, offset and read noise of a one-photon camera) "
                + "and motion (smooth random walk with jumps). Written frame by frame, so long videos need little "
                + "memory.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(PRESET, WIDTH, HEIGHT, FRAMES, NEURONS, SILENT, SPIKE_RATE, CELL_DIAMETER, FRAME_RATE, INDICATOR,
                NOISE_SPREAD, CELL_BLUR, BACKGROUND_FLUCTUATION, MOTION, SEED);
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(CELL_DIAMETER.key(), "0.2", 0.0),
                new KeyMigration.Added(FRAME_RATE.key(), "0.2", 0.0),
                new KeyMigration.Added(INDICATOR.key(), "0.2", Indicator.GCAMP6F.label()),
                new KeyMigration.Added(NOISE_SPREAD.key(), "0.2", -1.0),
                new KeyMigration.Added(BACKGROUND_FLUCTUATION.key(), "0.2", -1.0),
                new KeyMigration.Added(CELL_BLUR.key(), "0.2", -1.0));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of();
    }

    @Override
    public List<PortSpec<?>> outputs() {
        // Firing neurons last: workflows saved before it existed keep their connections.
        return List.of(VIDEO, FUNCTIONAL_NEURONS, ALL_CELLS, SPIKES, FIRING_NEURONS);
    }

    /** @return the generator parameters the stage parameters describe */
    public static SyntheticParams toSyntheticParams(Parameters parameters) {
        SyntheticParams preset = parameters.getString(PRESET).equals(TWO_PHOTON) ? SyntheticParams.twoPhoton()
                : SyntheticParams.epifluorescence();
        SyntheticParams.Builder builder = preset.toBuilder()
                .size(parameters.getInt(WIDTH), parameters.getInt(HEIGHT), parameters.getInt(FRAMES))
                .neuronCount(parameters.getInt(NEURONS)).silentFraction(parameters.getDouble(SILENT))
                .spikeRateHz(parameters.getDouble(SPIKE_RATE)).seed(parameters.getLong(SEED))
                .indicator(Indicator.fromLabel(parameters.getString(INDICATOR)))
                // out-of-focus cells keep the preset's number per in-focus cell
                .outOfFocus((int) Math.round(preset.outOfFocusCount() * (double) parameters.getInt(NEURONS)
                        / preset.neuronCount()), preset.outOfFocusBlurPx());
        double diameter = parameters.getDouble(CELL_DIAMETER);
        if (diameter > 0) {
            double scale = diameter / (preset.radiusMinPx() + preset.radiusMaxPx());
            builder.radiiPx(preset.radiusMinPx() * scale, preset.radiusMaxPx() * scale)
                    .minSpacingPx(preset.minSpacingPx() * scale);
        }
        if (parameters.getDouble(FRAME_RATE) > 0) {
            builder.frameRateHz(parameters.getDouble(FRAME_RATE));
        }
        if (parameters.getDouble(NOISE_SPREAD) >= 0) {
            builder.noiseCorrelationPx(parameters.getDouble(NOISE_SPREAD));
        }
        if (parameters.getDouble(CELL_BLUR) >= 0) {
            builder.cellBlurPx(parameters.getDouble(CELL_BLUR));
        }
        if (parameters.getDouble(BACKGROUND_FLUCTUATION) >= 0) {
            builder.neuropilFluctuation(parameters.getDouble(BACKGROUND_FLUCTUATION));
        }
        if (!parameters.getBoolean(MOTION)) {
            builder.motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0);
        }
        return builder.build();
    }

    /**
     * @throws IllegalArgumentException when the camera noise spread, the cell blur or the background fluctuation
     *         lies between -1 (the preset's) and 0: neither the preset's nor a value the generator can use
     */
    @Override
    public void checkParameters(Parameters parameters) {
        for (ParamSpec presetOrValue : List.of(NOISE_SPREAD, CELL_BLUR, BACKGROUND_FLUCTUATION)) {
            double value = parameters.getDouble(presetOrValue);
            if (value != -1 && value < 0) {
                throw new IllegalArgumentException("'" + presetOrValue.label() + "' is " + value
                        + ": give -1 to keep the preset's, or 0 or more");
            }
        }
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        checkParameters(parameters);
        SyntheticParams params = toSyntheticParams(parameters);
        Path folder = context.outputFiles().newFile("synthetic");
        SyntheticResult result = SyntheticVideoGenerator.generate(params, folder, context.monitor());
        // The video gets an output file of its own, so that KNIME keeps it as the port's file store, not a copy.
        Path video = context.outputFiles().newFile("synthetic" + VideoStore.EXTENSION);
        try {
            Files.move(result.videoFile(), video, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NeurosegException("Cannot move the synthetic video to " + video + ": " + e.getMessage(), e);
        }
        return PortValues.of(VIDEO, VideoStore.open(video)).with(FUNCTIONAL_NEURONS,
                result.functionalRois()).with(ALL_CELLS, result.rois()).with(SPIKES, spikeRaster(result))
                .with(FIRING_NEURONS, result.firingRois());
    }

    private static Raster spikeRaster(SyntheticResult result) {
        int cells = result.cells().size();
        int[] ids = new int[cells];
        List<BitSet> rows = new java.util.ArrayList<>(cells);
        for (int i = 0; i < cells; i++) {
            ids[i] = result.cells().get(i).id();
            BitSet row = new BitSet();
            int[] spikes = result.spikes()[i];
            for (int t = 0; t < spikes.length; t++) {
                row.set(t, spikes[t] > 0);
            }
            rows.add(row);
        }
        return new Raster(ids, result.spikes().length == 0 ? 0 : result.spikes()[0].length, rows);
    }
}
