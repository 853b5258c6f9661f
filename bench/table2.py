"""Formats the scores that bench/table2 collected as a Markdown section (stdout)."""
import json
import os
import platform
import statistics
import sys
from datetime import date
from pathlib import Path

work, frames, seeds, presets, seconds = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split(), sys.argv[5]
METHODS = [("method", "full method (`neuroseg run`, shipped models)"),
           ("max-0", "max projection, Otsu"),
           ("max-15", "max projection, background 15 px removed, Otsu"),
           ("mean-0", "mean projection, Otsu"),
           ("mean-15", "mean projection, background 15 px removed, Otsu")]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"\n## {date.today()}: the paper's Table 2 on held-out synthetic videos\n")
print(f"Command: `bench/table2 {frames} \"{' '.join(seeds)}\" \"{' '.join(presets)}\"` ({seconds} s). Machine: "
      f"{os.cpu_count()} cores ({cpu}), {platform.system()}, load average {os.getloadavg()[0]:.1f} at the end. "
      f"Videos: 512 x 512 x {frames} frames without motion, seeds {', '.join(seeds)} (used by no training "
      "script). Reference: the firing neurons (functional cells with at least one transient the video shows, "
      "firing_regions.json). Projections are of the same "
      "recording. Mean over the videos (min-max in brackets); neuron level: IoU >= 0.5, Hungarian.\n")
for preset in presets:
    print(f"\n{preset}:\n")
    print("| method | pixel Dice | IoU | precision | recall | neuron precision | neuron recall | neuron F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for key, label in METHODS:
        scores = [json.loads(Path(work, f"{preset}-{seed}", f"{key}.score.json").read_text()) for seed in seeds]
        neuron = [next(n for n in s["neuron"] if n["rule"] == "IOU_HUNGARIAN") for s in scores]

        def cell(values):
            if len(values) == 1:
                return f"{values[0]:.3f}"
            return f"{statistics.mean(values):.3f} ({min(values):.2f}-{max(values):.2f})"
        row = [cell([s["pixel"][m] for s in scores]) for m in ("dice", "iou", "precision", "recall")]
        row += [cell([n[m] for n in neuron]) for m in ("precision", "recall", "f1")]
        print(f"| {label} | " + " | ".join(row) + " |")
    times = [Path(work, f"{preset}-{seed}", "run.time").read_text().split() for seed in seeds]
    rates = [int(frames) / float(t[0]) for t in times]
    print(f"\n`neuroseg run` on these videos: {statistics.mean(rates):.1f} frames/s over the whole command "
          f"(JVM start and model loading included), peak resident memory {max(int(t[1]) for t in times) / 1024:.0f} MB.")
