# Sourced by the models' train.sh scripts: makes the synthetic training videos both networks learn from.
# Each line of training_videos: seed, preset, cell diameter (px), frame rate (Hz), cells in 256 x 256, indicator, spike rate
# (Hz), camera noise spread (px). The spread (one- and two-photon, cells 6-16 px across, 5-30 Hz, indicators from
# GCaMP6f to jGCaMP8s, quiet and busy cells, camera noise independent between pixels or spread over a few) is there so
# that the networks meet on real recordings what they met in training, not one microscope. The noise spread is each
# preset's (one-photon 2 px, two-photon 0): a U-Net trained on one-photon videos of 1-4 px kept 4 and 0 neurons on the
# labelled miniscope sessions, and one of 1-3 px 50 and 43, against 125 and 119 (bench/RESULTS.md, 2026-12-06).
# The two-photon preset is calibrated to a dim recording (a few photons a pixel): its videos use the brighter
# indicators, else hardly a transient is visible and they teach nothing. Videos have no motion: `neuroseg run`
# corrects motion before the networks see the frames. The background of both presets fluctuates by 20 %, as the
# shipped networks learned it: the two-photon preset now fluctuates by 3 % (calibrated on the Neurofinder crop), and a
# U-Net trained on such two-photon videos (seed 1, otherwise as train.sh) kept 3 and 1 neurons on the labelled real
# miniscope sessions and none on the Inscopix movie (bench/RESULTS.md, 2026-12-06).

# activity_video SEED PRESET DIAMETER RATE CELLS INDICATOR SPIKE_RATE NOISE_SPREAD WORK
# Writes WORK/genSEED/synthetic/ (ground truth, with per-frame active-cell labels) and WORK/genSEED/activity.nsv: the
# Activity Frames `neuroseg run` gives the U-Net.
activity_video() {
  local seed="$1" preset="$2" diameter="$3" rate="$4" cells="$5" indicator="$6" spikes="$7" noise="$8" work="$9"
  local folder="$work/gen$seed"
  [ -f "$folder/activity.nsv" ] && return 0
  neuroseg generate --preset "$preset" --width 256 --height 256 --frames 400 --cell-diameter-px "$diameter" \
    --frame-rate-hz "$rate" --neuron-count "$cells" --indicator "$indicator" --spike-rate-hz "$spikes" \
    --noise-spread-px "$noise" --background-fluctuation 0.2 --motion false --seed "$seed" --active-labels \
    -o "$folder" > /dev/null
  neuroseg preprocess --activity "$folder/synthetic/video.nsv" -o "$folder/pre" > /dev/null
  mv "$folder/pre/activity.nsv" "$folder/activity.nsv"
  rm -rf "$folder/pre" "$folder/synthetic/video.nsv"
}

# training_videos FIRST_SEED
# Prints the ten training videos, one line each (seed, preset, cell diameter, frame rate, cells, indicator, spike
# rate, noise spread), with seeds FIRST_SEED to FIRST_SEED + 9: the U-Net and the CGRU learn from the same spread of
# recordings on videos of their own.
training_videos() {
  local seed="$1"
  while read -r preset diameter rate cells indicator spikes noise; do
    echo "$seed $preset $diameter $rate $cells $indicator $spikes $noise"
    seed=$((seed + 1))
  done <<VIDEOS
epifluorescence 8.5 10 80 jGCaMP8m 0.5 2
epifluorescence 6 5 120 jGCaMP8s 0.3 2
epifluorescence 12 20 40 jGCaMP7f 1.0 2
two-photon 12 7.5 50 jGCaMP8s 1.0 0
two-photon 9 30 80 jGCaMP8m 0.5 0
two-photon 16 7.5 28 jGCaMP8s 0.5 0
epifluorescence 10 5 55 GCaMP6f 1.0 2
two-photon 12 15 50 jGCaMP8m 1.0 0
epifluorescence 8 10 90 jGCaMP8f 0.5 2
two-photon 10 10 70 jGCaMP8s 0.5 0
VIDEOS
}
