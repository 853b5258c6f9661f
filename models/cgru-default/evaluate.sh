#!/usr/bin/env bash
# Scores the shipped U-Net + CGRU on held-out synthetic epifluorescence videos against their functional cells.
# Usage: models/cgru-default/evaluate.sh [work folder] [frames]   (default 300 frames; seeds 211-213, used nowhere
# else). Each video goes through what `neuroseg run` does up to the CGRU: preprocess (Local Equalization, Motion
# Correction), predict-unet, predict-cgru. Pixel scores: the CGRU's probability above 0.5 (refine with closing,
# filling and size limits switched off). Neuron scores: after Morphological Refinement with its defaults.
# Beside them: the ground truth of every cell scored the same way (what a perfect segmentation of all cells,
# active or silent, would get), and the whole pipeline of `neuroseg run` with the shipped models (its Activity
# Validation drops cells whose traces show no events; the videos have no motion, so its coordinates are the
# generator's).
set -euo pipefail
export NEUROSEG_JAVA_OPTS="${NEUROSEG_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
frames="${2:-300}"
neuroseg() { "$root/neuroseg" --no-progress "$@"; }
# Prints the values of the score table's rows: pixel Dice, IoU, precision, recall, neuron F1, precision, recall.
scores() {
  neuroseg score -p "$1" -r "$2" | awk -F'|' '
    { key = $1; sub(/ +$/, "", key); value = $2; gsub(/ /, "", value); v[key] = value }
    END { rule = "(IoU ≥ 0.5, Hungarian)"
      printf "%s | %s | %s | %s | %s | %s | %s", v["pixel Dice"], v["pixel IoU"], v["pixel precision"],
        v["pixel recall"], v["neuron F1 " rule], v["neuron precision " rule], v["neuron recall " rule] }'
}
echo "| seed | frames | what | pixel Dice | IoU | precision | recall | neuron F1 | precision | recall |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for seed in 211 212 213; do
  v="$work/seed$seed-$frames"
  mkdir -p "$v"
  [ -f "$v/synthetic/video.nsv" ] || neuroseg generate --width 512 --height 512 --frames "$frames" --motion false \
    --seed "$seed" -o "$v" > /dev/null
  [ -f "$v/pre/corrected.nsv" ] || neuroseg preprocess "$v/synthetic/video.nsv" -o "$v/pre" > /dev/null
  neuroseg predict-unet "$v/pre/corrected.nsv" -m "$root/models/unet-default/unet-default.nsmodel" \
    -o "$v/unet.nsv" > /dev/null
  neuroseg predict-cgru "$v/unet.nsv" -m "$root/models/cgru-default/cgru-default.nsmodel" -o "$v/cgru.nsv" > /dev/null
  neuroseg refine "$v/cgru.nsv" --closing-radius-px 0 --fill-holes false --split-touching false --min-area-px 1 \
    --max-area-px 100000000 -o "$v/mask" > /dev/null
  neuroseg refine "$v/cgru.nsv" -o "$v/refined" > /dev/null
  truth="$v/synthetic/functional_regions.json"
  pixel="$(scores "$v/mask/labels.tif" "$truth" | cut -d'|' -f1-4 | sed 's/ *$//')"
  neuron="$(scores "$v/refined/labels.tif" "$truth" | cut -d'|' -f5-7)"
  echo "| $seed | $frames | U-Net + CGRU | $pixel |$neuron |"
  echo "| $seed | $frames | every cell (ground truth) | $(scores "$v/synthetic/ground_truth_labels.nsv" "$truth") |"
  neuroseg run "$v/synthetic/video.nsv" -o "$v/run" > /dev/null
  echo "| $seed | $frames | neuroseg run (refinement, Activity Validation) | $(scores "$v/run/neurons_labels.tif" \
    "$truth") |"
done
