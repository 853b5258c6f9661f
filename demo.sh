#!/usr/bin/env bash
# The demo: a synthetic epifluorescence video with known neurons, converted to TIFF and back, described, and its
# ground truth scored against itself and against a copy shifted by 3 pixels. Outputs in out/demo/.
set -euo pipefail
cd "$(dirname "$0")"
out=out/demo
rm -rf "$out"
./neuroseg generate --preset epifluorescence --frames 300 --seed 1 -o "$out"
./neuroseg convert "$out/synthetic/video.nsv" "$out/video.tif"
./neuroseg convert "$out/video.tif" "$out/video-from-tiff.nsv"
./neuroseg info "$out/video.tif"
truth="$out/synthetic/functional_regions.json"
echo; echo "== ground truth against itself"
./neuroseg score --predicted "$truth" --reference "$truth" --height 512 --width 512 --json "$out/score-self.json"
echo; echo "== ground truth shifted by 3 pixels against the ground truth"
./neuroseg score --predicted "$truth" --reference "$truth" --height 512 --width 512 --shift-predicted 3,0 \
  --json "$out/score-shifted-3px.json"
cp "$out/synthetic/overview.png" "$out/ground-truth.png"
echo; echo "Outputs in $out: video.tif, synthetic/ (labels TIFF, regions JSON, RoiSet zip, spikes.csv raster," \
  "traces.csv, shifts.csv), score-*.json, ground-truth.png"
