#!/usr/bin/env bash
# Trains the shipped default CGRU with the project's own commands. Usage: models/cgru-default/train.sh [work folder]
# Training data: six synthetic epifluorescence videos (seeds 111-116, 512 x 512, 300 frames at 10 Hz, no motion),
# each fed as `neuroseg run` feeds the CGRU: Local Equalization and Motion Correction (`neuroseg preprocess`
# defaults), then the shipped U-Net (models/unet-default). Target: the generator's functional cells.
# Seeds 111-116 are used nowhere else; evaluation uses seeds 211-213 (models/cgru-default/evaluate.sh).
set -euo pipefail
# One PyTorch thread: on a shared 2-core machine two OpenMP threads stall each other (10x slower steps measured).
export NEUROSEG_JAVA_OPTS="${NEUROSEG_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
neuroseg() { "$root/neuroseg" --no-progress "$@"; }
mkdir -p "$work/train" "$work/first"
for seed in 111 112 113 114 115 116; do
  folder="$work/train"; [ "$seed" = 111 ] && folder="$work/first"
  if [ ! -f "$folder/seed$seed.mask.nsv" ]; then
    neuroseg generate --width 512 --height 512 --frames 300 --motion false --seed "$seed" -o "$work/gen$seed" > /dev/null
    neuroseg preprocess "$work/gen$seed/synthetic/video.nsv" -o "$work/pre$seed" > /dev/null
    neuroseg predict-unet "$work/pre$seed/corrected.nsv" -m "$root/models/unet-default/unet-default.nsmodel" \
      -o "$folder/seed$seed.nsv" > /dev/null
    mv "$work/gen$seed/synthetic/ground_truth_functional_labels.nsv" "$folder/seed$seed.mask.nsv"
    rm -rf "$work/gen$seed" "$work/pre$seed"
  fi
done
# The first pair goes on the ports; the folder adds the others.
neuroseg train-cgru "$work/first/seed111.nsv" "$work/first/seed111.mask.nsv" --more-training-data "$work/train" \
  --hidden-channels 8 --kernel-size 3 --chunk-frames 50 --crop-size 64 --crops-per-video 4 --learning-rate 0.001 \
  --max-epochs 40 --patience 8 --seed 1 -o "$root/models/cgru-default/cgru-default.nsmodel"
