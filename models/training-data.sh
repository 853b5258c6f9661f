# Sourced by the models' train.sh scripts: makes the synthetic training videos both networks learn from.
# Each line of a list: seed, preset, cell diameter (px), frame rate (Hz), cells in 256 x 256, indicator, spike rate
# (Hz). The spread (one- and two-photon, cells 6-16 px across, 5-30 Hz, indicators from GCaMP6f to jGCaMP8s, quiet
# and busy cells) is there so that the networks meet on real recordings what they met in training, not one
# microscope. The two-photon preset is calibrated to a dim recording (a few photons a pixel): its videos use the
# brighter indicators, else hardly a transient is visible and they teach nothing. Videos have no motion: `neuroseg run` corrects motion before the networks see the frames.

# activity_video SEED PRESET DIAMETER RATE CELLS INDICATOR SPIKE_RATE WORK
# Writes WORK/genSEED/synthetic/ (ground truth, with per-frame active-cell labels) and WORK/genSEED/activity.nsv: the
# Activity Frames `neuroseg run` gives the U-Net.
activity_video() {
  local seed="$1" preset="$2" diameter="$3" rate="$4" cells="$5" indicator="$6" spikes="$7" work="$8"
  local folder="$work/gen$seed"
  [ -f "$folder/activity.nsv" ] && return 0
  neuroseg generate --preset "$preset" --width 256 --height 256 --frames 400 --cell-diameter-px "$diameter" \
    --frame-rate-hz "$rate" --neuron-count "$cells" --indicator "$indicator" --spike-rate-hz "$spikes" \
    --motion false --seed "$seed" --active-labels -o "$folder" > /dev/null
  neuroseg preprocess --activity "$folder/synthetic/video.nsv" -o "$folder/pre" > /dev/null
  mv "$folder/pre/activity.nsv" "$folder/activity.nsv"
  rm -rf "$folder/pre" "$folder/synthetic/video.nsv"
}
