#!/usr/bin/env bash
# The demo: a synthetic epifluorescence video with known neurons, written as a multi-page TIFF and described, then
# the whole pipeline (neuroseg run with the shipped models) on the TIFF, scored against the cells that fire visibly
# (at least one transient 5 noise std above rest over the cell) and against every functional cell: the metrics tables are printed.
# Outputs in out/demo/. A few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
out=out/demo
rm -rf "$out"
./neuroseg generate --preset epifluorescence --frames 300 --seed 1 -o "$out"
./neuroseg convert "$out/synthetic/video.nsv" "$out/video.tif"
./neuroseg info "$out/video.tif"
cp "$out/synthetic/overview.png" "$out/ground-truth.png"
echo; echo "== the whole pipeline on video.tif, scored against the functional cells that fire visibly"
# The results lie in the motion-corrected video's coordinates; the true shifts move the ground truth there.
./neuroseg run "$out/video.tif" --ground-truth "$out/synthetic/firing_regions.json" \
  --ground-truth-shifts "$out/synthetic/shifts.csv" -o "$out/run" | tee "$out/run.log"
echo; echo "== the same neurons against every functional cell, also those whose transients all stay below the noise"
# Move the neurons back into the ground truth's coordinates by the shift the run reported.
moved='s/.*moved by \(-\{0,1\}[0-9]*\) rows and \(-\{0,1\}[0-9]*\) columns.*/\1 \2/p'
read -r rows cols < <(sed -n "$moved" "$out/run.log")
./neuroseg score -p "$out/run/neurons_regions.json" -r "$out/synthetic/functional_regions.json" --height 512 \
  --width 512 --shift-predicted="$((-rows)),$((-cols))"
echo; echo "Outputs in $out: video.tif, synthetic/ (ground truth: labels TIFF, regions JSON, RoiSet zip, spikes.csv," \
  "traces.csv, shifts.csv), ground-truth.png, run/ (neurons, traces, raster, pictures, metrics.csv, report.html)"
