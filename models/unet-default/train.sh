#!/usr/bin/env bash
# Trains the shipped default U-Net with the project's own commands. Usage: models/unet-default/train.sh [work folder]
# Training data: six synthetic epifluorescence videos (seeds 101-106, 512 x 512, 300 frames, no motion: the U-Net
# sees motion-corrected frames), labels = the generator's ground truth of every cell (active or silent).
# Seeds 101-106 are used nowhere else; evaluation uses seeds 201-203 (models/unet-default/evaluate.sh).
set -euo pipefail
# One PyTorch thread: on a shared 2-core machine two OpenMP threads stall each other (10x slower steps measured).
export NEUROSEG_JAVA_OPTS="${NEUROSEG_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/train"
for seed in 101 102 103 104 105 106; do
  "$root/neuroseg" --no-progress generate --width 512 --height 512 --frames 300 --motion false --seed "$seed" \
    -o "$work/gen$seed" > /dev/null
  mv "$work/gen$seed/synthetic/video.nsv" "$work/train/seed$seed.nsv"
  mv "$work/gen$seed/synthetic/ground_truth_labels.nsv" "$work/train/seed$seed.labels.nsv"
  rm -rf "$work/gen$seed"
done
# The first pair goes on the ports; the folder adds the others (the folder's copy of it is excluded by moving it).
mkdir -p "$work/first"
mv "$work/train/seed101.nsv" "$work/train/seed101.labels.nsv" "$work/first/"
"$root/neuroseg" --no-progress train-unet "$work/first/seed101.nsv" "$work/first/seed101.labels.nsv" \
  --more-training-data "$work/train" --base-channels 4 --depth 4 --sample-frames 1500 --crop-size 128 \
  --batch-size 8 --learning-rate 0.001 --max-epochs 25 --patience 5 --seed 1 \
  -o "$root/models/unet-default/unet-default.nsmodel"
