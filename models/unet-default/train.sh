#!/usr/bin/env bash
# Trains the shipped default U-Net with the project's own commands. Usage: models/unet-default/train.sh [work folder]
# Training data: six synthetic epifluorescence videos (seeds 101-106, 512 x 512, 300 frames, no motion), each
# preprocessed as `neuroseg run` preprocesses a recording before the U-Net sees it (`neuroseg preprocess`: Local
# Equalization, then Motion Correction, both with their defaults); labels = the generator's ground truth of every
# cell (active or silent). Seeds 101-106 are used nowhere else; evaluation uses seeds 201-203 (bench/run unet).
set -euo pipefail
# One PyTorch thread: on a shared 2-core machine two OpenMP threads stall each other (10x slower steps measured).
export NEUROSEG_JAVA_OPTS="${NEUROSEG_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/train" "$work/first"
for seed in 101 102 103 104 105 106; do
  # The first pair goes on the ports; the folder adds the others.
  folder="$work/train"; [ "$seed" = 101 ] && folder="$work/first"
  "$root/neuroseg" --no-progress generate --width 512 --height 512 --frames 300 --motion false --seed "$seed" \
    -o "$work/gen$seed" > /dev/null
  "$root/neuroseg" --no-progress preprocess "$work/gen$seed/synthetic/video.nsv" -o "$work/pre$seed" > /dev/null
  mv "$work/pre$seed/corrected.nsv" "$folder/seed$seed.nsv"
  mv "$work/gen$seed/synthetic/ground_truth_labels.nsv" "$folder/seed$seed.labels.nsv"
  rm -rf "$work/gen$seed" "$work/pre$seed"
done
"$root/neuroseg" --no-progress train-unet "$work/first/seed101.nsv" "$work/first/seed101.labels.nsv" \
  --more-training-data "$work/train" --base-channels 4 --depth 4 --sample-frames 1500 --crop-size 128 \
  --batch-size 8 --learning-rate 0.001 --max-epochs 25 --patience 5 --seed 1 \
  -o "$root/models/unet-default/unet-default.nsmodel"
