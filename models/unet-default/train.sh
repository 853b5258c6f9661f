#!/usr/bin/env bash
# Trains the shipped default U-Net with the project's own commands. Usage: models/unet-default/train.sh [work folder]
# Training data: ten synthetic videos (seeds 101-110, 256 x 256, 400 frames, no motion; see models/training-data.sh),
# each turned into the Activity Frames that `neuroseg run` gives the U-Net (`neuroseg preprocess --activity`);
# labels: per frame, the cells active in it (`neuroseg generate --active-labels`). Seeds 101-110 are used nowhere
# else; the CGRU trains on 111-120 and evaluation uses 211-216 and 231-242 (`bench/run models`).
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
  folder="$work/train"; [ "$seed" = 101 ] && folder="$work/first"
  ln -sf "$work/gen$seed/activity.nsv" "$folder/seed$seed.nsv"
  ln -sf "$work/gen$seed/synthetic/ground_truth_active_labels.nsv" "$folder/seed$seed.labels.nsv"
done < <(training_videos 101)
neuroseg train-unet "$work/first/seed101.nsv" "$work/first/seed101.labels.nsv" --more-training-data "$work/train" \
  --input-frames activity --base-channels 8 --depth 4 --patch-size 2 --sample-frames 1200 --crop-size 128 --batch-size 8 \
  --cell-crop-share 0 --learning-rate 0.001 --loss dice --max-epochs 30 --average-late-epochs true --seed 3 \
  -o "$root/models/unet-default/unet-default.nsmodel"
