#!/usr/bin/env bash
# Trains the shipped default CGRU with the project's own commands. Usage: models/cgru-default/train.sh [work folder]
# Training data: ten synthetic videos (seeds 111-120, 256 x 256, 400 frames, no motion; see models/training-data.sh),
# each fed as `neuroseg run` feeds the CGRU: Activity Frames (`neuroseg preprocess --activity`), then the shipped
# U-Net (models/unet-default). Target: the generator's per-frame labels of the cells active in each frame
# (`neuroseg generate --active-labels`); after each chunk of frames the CGRU is scored against the cells seen active
# so far, and at the end against every cell whose transient is visible in at least one frame: 30 % of the cells never
# fire and the CGRU must leave them out, and a cell whose transients no frame shows cannot be told from a silent one,
# so it is no target either. Seeds 111-120 are used nowhere else; evaluation uses 211-216 and 231-242 (`bench/run models`).
set -euo pipefail
# One PyTorch thread: on a shared 2-core machine two OpenMP threads stall each other (10x slower steps measured).
export NEUROSEG_JAVA_OPTS="${NEUROSEG_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
neuroseg() { "$root/neuroseg" --no-progress "$@"; }
source "$root/models/training-data.sh"
mkdir -p "$work/first" "$work/train"
while read -r seed preset diameter rate cells indicator spikes noise; do
  activity_video "$seed" "$preset" "$diameter" "$rate" "$cells" "$indicator" "$spikes" "$noise" "$work"
  # The first pair goes on the ports; the folder adds the others.
  folder="$work/train"; [ "$seed" = 111 ] && folder="$work/first"
  [ -f "$folder/seed$seed.nsv" ] || neuroseg predict-unet "$work/gen$seed/activity.nsv" \
    -m "$root/models/unet-default/unet-default.nsmodel" -o "$folder/seed$seed.nsv" > /dev/null
  # The target is the generator's per-frame labels of the cells active in each frame: after each chunk the CGRU is
  # asked for the cells seen firing so far, and at the end for every cell whose transient some frame shows.
  [ -f "$folder/seed$seed.mask.nsv" ] || cp "$work/gen$seed/synthetic/ground_truth_active_labels.nsv" \
    "$folder/seed$seed.mask.nsv"
done < <(training_videos 111)
neuroseg train-cgru "$work/first/seed111.nsv" "$work/first/seed111.mask.nsv" --more-training-data "$work/train" \
  --hidden-channels 8 --kernel-size 3 --chunk-frames 50 --crop-size 64 --crops-per-video 4 --learning-rate 0.001 --loss dice \
  --max-epochs 30 --patience 6 --seed 1 -o "$root/models/cgru-default/cgru-default.nsmodel"
