#!/usr/bin/env bash
# The demo: a synthetic epifluorescence video with known neurons, written as a multi-page TIFF and described, then
# the whole pipeline (neuroseg run with the shipped U-Net and CGRU) on the TIFF, scored against the functional ground
# truth: the metrics table is printed. Outputs in out/demo/. A few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
out=out/demo
rm -rf "$out"
./neuroseg generate --preset epifluorescence --frames 300 --seed 1 -o "$out"
./neuroseg convert "$out/synthetic/video.nsv" "$out/video.tif"
./neuroseg info "$out/video.tif"
cp "$out/synthetic/overview.png" "$out/ground-truth.png"
echo; echo "== the whole pipeline on video.tif, scored against the functional neurons of the ground truth"
# The results lie in the motion-corrected video's coordinates; the true shifts move the ground truth there.
./neuroseg run "$out/video.tif" --ground-truth "$out/synthetic/functional_regions.json" \
  --ground-truth-shifts "$out/synthetic/shifts.csv" -o "$out/run"
echo; echo "Outputs in $out: video.tif, synthetic/ (ground truth: labels TIFF, regions JSON, RoiSet zip, spikes.csv," \
  "traces.csv, shifts.csv), ground-truth.png, run/ (neurons, traces, raster, pictures, metrics.csv, report.html)"
