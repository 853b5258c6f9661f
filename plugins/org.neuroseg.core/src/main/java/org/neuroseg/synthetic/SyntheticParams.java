package org.neuroseg.synthetic;

/**
 * Everything that defines one synthetic video; the same parameters (seed included) always give byte-identical
 * outputs. Immutable and validated on construction. Start from a preset ({@link #epifluorescence()},
 * {@link #twoPhoton()}) and change what you need with {@link #toBuilder()}.
 *
 * <p>The photon model per pixel and frame (before noise) is
 * {@code vignette(p) * shift_t[ vessels(p) * ( baselinePhotons * max(0, 1 + neuropilStrength * neuropil(p, t))
 * + baselinePhotons * neuropilTexture * texture(p, t) + sum_out-of-focus blur_j(p) * cellPhotons * (brightness_j
 * + dF/F_j(t)) + sum_cells weight(p) * cellPhotons * (brightness_i + dF/F_i(t)) ) ]}, where {@code brightness_i} is log-normal
 * with mean 1 and {@code log} standard deviation {@code brightnessSpread}, and {@code dF/F_i} is the indicator's
 * response in units of an average cell's resting fluorescence (a calcium indicator is dim without calcium, so a
 * cell barely visible at rest flashes as brightly as any other: its own dF/F is {@code dF/F_i / brightness_i});
 * {@code shift_t} moves the scene by the frame's motion. The camera then records
 * {@code cameraGain * Poisson(photons) + cameraOffset + N(0, readNoise^2)} counts (without the Poisson step when
 * {@code shotNoise} is false), rounded and clamped to uint16.
 *
 * @param width columns X of each frame, [16, 8192]
 * @param height rows Y of each frame, [16, 8192]
 * @param frames number of frames T, [1, 1000000]
 * @param frameRateHz frames per second, (0, 1000]
 * @param neuronCount cells to place, functional or silent, [0, 65535]
 * @param radiusMinPx smallest semi-major axis of a soma in pixels, [1, 50]
 * @param radiusMaxPx largest semi-major axis in pixels, [radiusMinPx, 50]
 * @param minSpacingPx smallest distance between two cell centres in pixels, [0, 1000]
 * @param silentFraction share of cells present but never spiking, [0, 1]
 * @param spikeRateHz mean spike rate of a functional cell, [0, 100]
 * @param burstiness share of spikes that come in Hawkes-like bursts of about 10 spikes (the rest are Poisson), [0, 1]
 * @param riseSeconds rise time constant of the calcium kernel, (0, 10]
 * @param decaySeconds decay time constant of the calcium kernel, (riseSeconds, 100]
 * @param dffPerSpike peak ΔF/F of one isolated spike, [0, 100]
 * @param baselinePhotons mean background (tissue) photons per pixel and frame, [0, 100000]
 * @param cellPhotons resting photons a cell's cytosol adds per pixel and frame, [0, 100000]
 * @param brightnessSpread standard deviation of the natural log of a cell's resting brightness (indicator
 *     expression varies from cell to cell: with a wide spread many cells are seen only when they flash), [0, 3]
 * @param neuropilStrength relative amplitude of the smooth background field, [0, 1]
 * @param neuropilFluctuation relative temporal fluctuation of the background field's components, [0, 10]
 * @param vignetting relative loss of illumination in the frame corners (0 = even), [0, 0.99]
 * @param cameraGain camera counts per photon, (0, 1000]
 * @param cameraOffset camera counts added to every pixel, [0, 65535]
 * @param readNoise standard deviation of the camera's read noise in counts, [0, 10000]
 * @param shotNoise whether photon counts are Poisson-distributed (false: noise-free photon counts)
 * @param motionAmplitudePx standard deviation of the smooth random motion per axis in pixels, [0, maxShiftPx]
 * @param motionSmoothingFrames full width at half maximum of the Gaussian that smooths the motion, [1, 1000]
 * @param maxShiftPx bound on the shift per axis in pixels, [0, min(width, height) / 4]
 * @param jumpProbability probability per frame of a sudden jump of the preparation, [0, 1]
 * @param jumpSizePx length of a jump in pixels, [0, maxShiftPx]
 * @param nucleusLevel brightness of a soma's nucleus relative to its cytosol, [0, 1] (low: ring-shaped somata,
 *     as two-photon sections show them)
 * @param cellBlurPx standard deviation in pixels of the Gaussian that blurs the in-focus cells, [0, 10]: one-photon
 *     microscopes do not section optically and the tissue scatters, so their somata are round, filled blobs; two-photon
 *     sections keep them sharp (0)
 * @param outOfFocusCount cells above or below the focal plane, [0, 65535]: blurred (see {@code outOfFocusBlurPx}),
 *     about twice as large as in-focus somata, firing like functional cells, anywhere in the frame (they may
 *     overlap in-focus cells) and never part of the ground truth
 * @param outOfFocusBlurPx standard deviation of the Gaussian that blurs an out-of-focus cell, in pixels, [0, 50];
 *     its photons are spread, not lost
 * @param vesselCount blood vessels crossing the field of view, [0, 20]: smooth curved stripes whose shadow
 *     multiplies the whole scene (cells, background) and moves with the tissue
 * @param vesselDepth relative loss of light at a vessel's centre line, [0, 0.95]
 * @param vesselWidthPx typical width (full width at 1/e^(1/2) of the shadow) of a vessel in pixels, [1, 100];
 *     each vessel's width is drawn in [0.6, 1.4] times it
 * @param neuropilTexture mean photons of the fine neuropil texture relative to {@code baselinePhotons}, [0, 10]:
 *     a log-normal random texture of grains about 6 px wide (out-of-focus dendrites and axons) whose brightness
 *     follows {@code max(0, 1 + neuropilFluctuation * s(t))}, {@code s} a unit AR(1) process of time constant 1 s
 * @param noiseCorrelationPx sigma in pixels of the Gaussian that spreads the camera noise over neighbouring pixels
 *     at an unchanged per-pixel level, as in recordings that were resized or compressed (miniscope videos often
 *     are); 0 keeps it independent between pixels, [0, 5]
 * @param seed seed of all random choices
 */
public record SyntheticParams(int width, int height, int frames, double frameRateHz, int neuronCount,
        double radiusMinPx, double radiusMaxPx, double minSpacingPx, double silentFraction, double spikeRateHz,
        double burstiness, double riseSeconds, double decaySeconds, double dffPerSpike, double baselinePhotons,
        double cellPhotons, double brightnessSpread, double neuropilStrength, double neuropilFluctuation, double vignetting,
        double cameraGain, double cameraOffset, double readNoise, boolean shotNoise, double motionAmplitudePx,
        double motionSmoothingFrames, double maxShiftPx, double jumpProbability, double jumpSizePx,
        double nucleusLevel, double cellBlurPx, int outOfFocusCount, double outOfFocusBlurPx, int vesselCount,
        double vesselDepth, double vesselWidthPx, double neuropilTexture, double noiseCorrelationPx, long seed) {

    /**
     * Checks every parameter against its range.
     *
     * @throws IllegalArgumentException naming the first parameter out of range, its value and the allowed range
     */
    public SyntheticParams {
        check("width", width, 16, 8192);
        check("height", height, 16, 8192);
        check("frames", frames, 1, 1_000_000);
        checkPositive("frameRateHz", frameRateHz, 1000);
        check("neuronCount", neuronCount, 0, 65535);
        check("radiusMinPx", radiusMinPx, 1, 50);
        check("radiusMaxPx", radiusMaxPx, radiusMinPx, 50);
        if (2 * radiusMaxPx + 6 > Math.min(width, height)) {
            throw new IllegalArgumentException("radiusMaxPx = " + radiusMaxPx + " is too large for a " + width
                    + " x " + height + " frame: allowed at most (min(width, height) - 6) / 2");
        }
        check("minSpacingPx", minSpacingPx, 0, 1000);
        check("silentFraction", silentFraction, 0, 1);
        check("spikeRateHz", spikeRateHz, 0, 100);
        check("burstiness", burstiness, 0, 1);
        checkPositive("riseSeconds", riseSeconds, 10);
        check("decaySeconds", decaySeconds, Math.nextUp(riseSeconds), 100);
        check("dffPerSpike", dffPerSpike, 0, 100);
        check("baselinePhotons", baselinePhotons, 0, 100_000);
        check("cellPhotons", cellPhotons, 0, 100_000);
        check("brightnessSpread", brightnessSpread, 0, 3);
        check("neuropilStrength", neuropilStrength, 0, 1);
        check("neuropilFluctuation", neuropilFluctuation, 0, 10);
        check("vignetting", vignetting, 0, 0.99);
        checkPositive("cameraGain", cameraGain, 1000);
        check("cameraOffset", cameraOffset, 0, 65535);
        check("readNoise", readNoise, 0, 10_000);
        check("maxShiftPx", maxShiftPx, 0, Math.min(width, height) / 4.0);
        check("motionAmplitudePx", motionAmplitudePx, 0, maxShiftPx);
        check("motionSmoothingFrames", motionSmoothingFrames, 1, 1000);
        check("jumpProbability", jumpProbability, 0, 1);
        check("jumpSizePx", jumpSizePx, 0, maxShiftPx);
        check("nucleusLevel", nucleusLevel, 0, 1);
        check("outOfFocusCount", outOfFocusCount, 0, 65535);
        check("outOfFocusBlurPx", outOfFocusBlurPx, 0, 50);
        check("vesselCount", vesselCount, 0, 20);
        check("vesselDepth", vesselDepth, 0, 0.95);
        check("vesselWidthPx", vesselWidthPx, 1, 100);
        check("neuropilTexture", neuropilTexture, 0, 10);
        check("noiseCorrelationPx", noiseCorrelationPx, 0, 5);
        check("cellBlurPx", cellBlurPx, 0, 10);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: allowed [" + min + ", "
                    + max + "]");
        }
    }

    private static void checkPositive(String name, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: allowed (0, " + max + "]");
        }
    }

    /**
     * One-photon (epifluorescence) recordings like the paper's: 512 x 512 pixels, 3600 frames at 10 Hz, GCaMP6f,
     * 300 somata of radius 3.5-5 px spaced at least 10 px (15 µm at 1.46 µm/px), 30 % silent, 0.5 Hz with a
     * third of the spikes in bursts, strong structured background and vignetting, NAOMi one-photon camera noise
     * (gain 2.2, offset 100, read noise 200) spread over neighbouring pixels by a Gaussian of 2 px (real one-photon
     * recordings change from frame to frame in blobs of several pixels: bench/RESULTS.md, "realism"), smooth motion
     * of 1.5 px with rare 4 px jumps, bounded by 8 px; somata not blurred ({@code cellBlurPx} 1.5 would make the
     * mean image's spectrum as steep as real ones, but a U-Net trained on such videos found no cell in the real
     * miniscope sessions: bench/RESULTS.md, 2026-12-06); 40 out-of-focus cells blurred by 3 px and 3 vessel shadows
     * (30 % deep, about 8 px wide), no fine texture.
     *
     * @return the preset, seed 1
     */
    public static SyntheticParams epifluorescence() {
        return new Builder().size(512, 512, 3600).frameRateHz(10).neuronCount(300).radiiPx(3.5, 5)
                .minSpacingPx(10).silentFraction(0.3).spikeRateHz(0.5).burstiness(0.3).indicator(Indicator.GCAMP6F)
                .baselinePhotons(3500).cellPhotons(400).brightnessSpread(0.7).neuropilStrength(0.3).neuropilFluctuation(0.2)
                .vignetting(0.4).cameraGain(2.2).cameraOffset(100).readNoise(200).shotNoise(true)
                .motionAmplitudePx(1.5).motionSmoothingFrames(11).maxShiftPx(8).jumpProbability(0.002)
                .jumpSizePx(4).nucleusLevel(0.3).outOfFocus(40, 3).vessels(3, 0.3, 8).neuropilTexture(0)
                .noiseCorrelationPx(2).seed(1).build();
    }

    /**
     * Two-photon recordings like Neurofinder's: 512 x 512 pixels, 3000 frames at 7.5 Hz, GCaMP6f, 250 somata of
     * radius 5-7 px spaced at least 14 px, 30 % silent, 0.5 Hz, weak background, mild vignetting, low camera noise
     * (gain 1, offset 100, read noise 10), sub-pixel motion without jumps, bounded by 3 px; ring-shaped somata
     * (nucleus at 10 % of the cytosol), fine neuropil texture (30 % of the baseline), no out-of-focus cells or
     * vessels. The background and the texture fluctuate by 3 % (a time constant of 1 s): the whole frame's fine
     * structure then brightens and dims together as much as in the real Neurofinder crop (a gain of robust std 0.016
     * against its mean image; with 20 %, as the one-photon preset's background, 0.107, and the U-Net marked the
     * brightening texture as active cells: bench/RESULTS.md, 2026-12-06, realism).
     *
     * @return the preset, seed 1
     */
    public static SyntheticParams twoPhoton() {
        return epifluorescence().toBuilder().size(512, 512, 3000).frameRateHz(7.5).neuronCount(250)
                .radiiPx(5, 7).minSpacingPx(14).baselinePhotons(4).cellPhotons(2).neuropilStrength(0.1)
                .neuropilFluctuation(0.03).vignetting(0.1).cameraGain(200).cameraOffset(100).readNoise(10)
                .motionAmplitudePx(0.5).maxShiftPx(3).jumpProbability(0).jumpSizePx(0).nucleusLevel(0.2)
                .outOfFocus(0, 0).vessels(0, 0, 8).neuropilTexture(0.3).noiseCorrelationPx(0).build();
    }

    /** @return a builder holding these parameters, to derive changed copies */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds changed copies of {@link SyntheticParams}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int width;
        private int height;
        private int frames;
        private double frameRateHz;
        private int neuronCount;
        private double radiusMinPx;
        private double radiusMaxPx;
        private double minSpacingPx;
        private double silentFraction;
        private double spikeRateHz;
        private double burstiness;
        private double riseSeconds;
        private double decaySeconds;
        private double dffPerSpike;
        private double baselinePhotons;
        private double cellPhotons;
        private double brightnessSpread;
        private double neuropilStrength;
        private double neuropilFluctuation;
        private double vignetting;
        private double cameraGain;
        private double cameraOffset;
        private double readNoise;
        private boolean shotNoise;
        private double motionAmplitudePx;
        private double motionSmoothingFrames;
        private double maxShiftPx;
        private double jumpProbability;
        private double jumpSizePx;
        private double nucleusLevel;
        private double cellBlurPx;
        private int outOfFocusCount;
        private double outOfFocusBlurPx;
        private int vesselCount;
        private double vesselDepth;
        private double vesselWidthPx;
        private double neuropilTexture;
        private double noiseCorrelationPx;
        private long seed;

        private Builder() {
        }

        private Builder(SyntheticParams p) {
            size(p.width, p.height, p.frames).frameRateHz(p.frameRateHz).neuronCount(p.neuronCount)
                    .radiiPx(p.radiusMinPx, p.radiusMaxPx).minSpacingPx(p.minSpacingPx)
                    .silentFraction(p.silentFraction).spikeRateHz(p.spikeRateHz).burstiness(p.burstiness)
                    .kernel(p.riseSeconds, p.decaySeconds, p.dffPerSpike).baselinePhotons(p.baselinePhotons)
                    .cellPhotons(p.cellPhotons).brightnessSpread(p.brightnessSpread).neuropilStrength(p.neuropilStrength)
                    .neuropilFluctuation(p.neuropilFluctuation).vignetting(p.vignetting).cameraGain(p.cameraGain)
                    .cameraOffset(p.cameraOffset).readNoise(p.readNoise).shotNoise(p.shotNoise)
                    .motionAmplitudePx(p.motionAmplitudePx).motionSmoothingFrames(p.motionSmoothingFrames)
                    .maxShiftPx(p.maxShiftPx).jumpProbability(p.jumpProbability).jumpSizePx(p.jumpSizePx)
                    .nucleusLevel(p.nucleusLevel).cellBlurPx(p.cellBlurPx)
                    .outOfFocus(p.outOfFocusCount, p.outOfFocusBlurPx)
                    .vessels(p.vesselCount, p.vesselDepth, p.vesselWidthPx).neuropilTexture(p.neuropilTexture)
                    .noiseCorrelationPx(p.noiseCorrelationPx).seed(p.seed);
        }

        /** @return validated parameters; throws IllegalArgumentException naming a parameter out of range */
        public SyntheticParams build() {
            return new SyntheticParams(width, height, frames, frameRateHz, neuronCount, radiusMinPx, radiusMaxPx,
                    minSpacingPx, silentFraction, spikeRateHz, burstiness, riseSeconds, decaySeconds, dffPerSpike,
                    baselinePhotons, cellPhotons, brightnessSpread, neuropilStrength, neuropilFluctuation, vignetting,
                    cameraGain, cameraOffset, readNoise, shotNoise, motionAmplitudePx, motionSmoothingFrames, maxShiftPx,
                    jumpProbability, jumpSizePx, nucleusLevel, cellBlurPx, outOfFocusCount, outOfFocusBlurPx,
                    vesselCount, vesselDepth, vesselWidthPx, neuropilTexture, noiseCorrelationPx, seed);
        }

        /** Sets width (columns), height (rows) and frame count and returns this builder. */
        public Builder size(int widthPx, int heightPx, int frameCount) {
            this.width = widthPx;
            this.height = heightPx;
            this.frames = frameCount;
            return this;
        }

        /** Sets frames per second and returns this builder. */
        public Builder frameRateHz(double value) {
            this.frameRateHz = value;
            return this;
        }

        /** Sets the number of cells and returns this builder. */
        public Builder neuronCount(int value) {
            this.neuronCount = value;
            return this;
        }

        /** Sets the range of soma semi-major axes in pixels and returns this builder. */
        public Builder radiiPx(double min, double max) {
            this.radiusMinPx = min;
            this.radiusMaxPx = max;
            return this;
        }

        /** Sets the smallest centre-to-centre distance in pixels and returns this builder. */
        public Builder minSpacingPx(double value) {
            this.minSpacingPx = value;
            return this;
        }

        /** Sets the share of silent cells, [0, 1] and returns this builder. */
        public Builder silentFraction(double value) {
            this.silentFraction = value;
            return this;
        }

        /** Sets the mean spike rate of functional cells in Hz and returns this builder. */
        public Builder spikeRateHz(double value) {
            this.spikeRateHz = value;
            return this;
        }

        /** Sets the share of spikes in bursts, [0, 1] and returns this builder. */
        public Builder burstiness(double value) {
            this.burstiness = value;
            return this;
        }

        /** Sets rise and decay time constants (seconds) and ΔF/F per spike and returns this builder. */
        public Builder kernel(double rise, double decay, double dff) {
            this.riseSeconds = rise;
            this.decaySeconds = decay;
            this.dffPerSpike = dff;
            return this;
        }

        /** Sets the kernel of a known indicator and returns this builder. */
        public Builder indicator(Indicator indicator) {
            return kernel(indicator.riseSeconds(), indicator.decaySeconds(), indicator.dffPerSpike());
        }

        /** Sets background photons per pixel and frame and returns this builder. */
        public Builder baselinePhotons(double value) {
            this.baselinePhotons = value;
            return this;
        }

        /** Sets a resting cell's photons per pixel and frame and returns this builder. */
        public Builder cellPhotons(double value) {
            this.cellPhotons = value;
            return this;
        }

        /** Sets the log standard deviation of the cells' resting brightness and returns this builder. */
        public Builder brightnessSpread(double value) {
            this.brightnessSpread = value;
            return this;
        }

        /** Sets the background field's relative amplitude, [0, 1] and returns this builder. */
        public Builder neuropilStrength(double value) {
            this.neuropilStrength = value;
            return this;
        }

        /** Sets the background field's relative temporal fluctuation and returns this builder. */
        public Builder neuropilFluctuation(double value) {
            this.neuropilFluctuation = value;
            return this;
        }

        /** Sets the relative illumination loss in the corners, [0, 0.99] and returns this builder. */
        public Builder vignetting(double value) {
            this.vignetting = value;
            return this;
        }

        /** Sets camera counts per photon and returns this builder. */
        public Builder cameraGain(double value) {
            this.cameraGain = value;
            return this;
        }

        /** Sets the camera offset in counts and returns this builder. */
        public Builder cameraOffset(double value) {
            this.cameraOffset = value;
            return this;
        }

        /** Sets the read noise standard deviation in counts and returns this builder. */
        public Builder readNoise(double value) {
            this.readNoise = value;
            return this;
        }

        /** Sets whether photon counts are Poisson-distributed and returns this builder. */
        public Builder shotNoise(boolean value) {
            this.shotNoise = value;
            return this;
        }

        /** Sets the smooth motion's standard deviation per axis in pixels and returns this builder. */
        public Builder motionAmplitudePx(double value) {
            this.motionAmplitudePx = value;
            return this;
        }

        /** Sets the motion smoothing window (FWHM) in frames and returns this builder. */
        public Builder motionSmoothingFrames(double value) {
            this.motionSmoothingFrames = value;
            return this;
        }

        /** Sets the bound on the shift per axis in pixels and returns this builder. */
        public Builder maxShiftPx(double value) {
            this.maxShiftPx = value;
            return this;
        }

        /** Sets the probability of a jump per frame and returns this builder. */
        public Builder jumpProbability(double value) {
            this.jumpProbability = value;
            return this;
        }

        /** Sets the length of a jump in pixels and returns this builder. */
        public Builder jumpSizePx(double value) {
            this.jumpSizePx = value;
            return this;
        }

        /** Sets the nucleus brightness relative to the cytosol, [0, 1] and returns this builder. */
        public Builder nucleusLevel(double value) {
            this.nucleusLevel = value;
            return this;
        }

        /** Sets the number of out-of-focus cells and their blur (Gaussian sigma, px) and returns this builder. */
        public Builder outOfFocus(int count, double blurPx) {
            this.outOfFocusCount = count;
            this.outOfFocusBlurPx = blurPx;
            return this;
        }

        /**
         * Sets the number of blood vessels, the relative light loss at their centre and their typical width in
         * pixels and returns this builder.
         */
        public Builder vessels(int count, double depth, double widthPx) {
            this.vesselCount = count;
            this.vesselDepth = depth;
            this.vesselWidthPx = widthPx;
            return this;
        }

        /** Sets the fine neuropil texture's mean photons relative to the baseline and returns this builder. */
        public Builder neuropilTexture(double value) {
            this.neuropilTexture = value;
            return this;
        }

        /** Sets the optical blur of in-focus cells (Gaussian sigma in pixels) and returns this builder. */
        public Builder cellBlurPx(double value) {
            this.cellBlurPx = value;
            return this;
        }

        /** Sets how far the camera noise spreads to neighbouring pixels (Gaussian sigma) and returns this builder. */
        public Builder noiseCorrelationPx(double value) {
            this.noiseCorrelationPx = value;
            return this;
        }

        /** Sets the seed of all random choices and returns this builder. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }
    }
}
