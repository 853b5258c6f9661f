#!/usr/bin/env python3
"""Compares Activity Validation's keep/reject rules on the ground-truth ROIs of synthetic videos.

Usage: bench/activity_rules.py SYNTHETIC_FOLDER...   (each written by `neuroseg generate --motion false`)

Re-implements, with numpy and scipy, the counts the rules use: the ROI's mean minus its neuropil ring (gap 2 px,
width 6 px, other ROIs left out), ΔF/F against the 20th percentile over 30 s, then (a) events and dips of the
Difference of Gaussians (sigmas 0.1 s and 1 s) beyond 2.5 robust standard deviations (the rule before 2026-11-25)
and (b) rises and dips of the 0.1 s-smoothed ΔF/F minus its running median over 6 s (the rule after). Prints the
neuron F1 of each rule on each video (ground-truth ROIs, so segmentation plays no part) and the mean.
"""
import csv
import json
import struct
import sys

import numpy as np
from scipy.ndimage import binary_dilation, gaussian_filter1d, median_filter, percentile_filter

RATE_HZ = 10


def read_store(path):
    raw = open(path, 'rb').read()
    header = struct.unpack('<i', raw[12:16])[0]
    frames = struct.unpack('<q', raw[16:24])[0]
    height, width = struct.unpack('<ii', raw[24:32])
    pixels = np.frombuffer(raw[header:header + frames * height * width * 2], dtype='<u2')
    return pixels.reshape(frames, height * width).astype(np.float32), height, width


def runs(mask):
    return int(np.sum(np.diff(np.concatenate([[0], mask.astype(int)])) == 1))


def robust_sigma(x):
    return 1.4826 * np.median(np.abs(x - np.median(x)))


def counts(folder):
    """@return the number of frames and per cell: (functional, DoG events, DoG dips, rises, dips)"""
    video, height, width = read_store(folder + '/video.nsv')
    functional = {c['id']: c['functional'] == 'true' for c in csv.DictReader(open(folder + '/cells.csv'))}
    masks = []
    every_roi = np.zeros((height, width), bool)
    for region in json.load(open(folder + '/regions.json')):
        mask = np.zeros((height, width), bool)
        pixels = np.array(region['coordinates'])
        mask[pixels[:, 0], pixels[:, 1]] = True
        masks.append((str(region['id']), mask))
        every_roi |= mask
    result = []
    for cell, mask in masks:
        ring = (binary_dilation(mask, iterations=8) & ~binary_dilation(mask, iterations=2) & ~every_roi).ravel()
        trace = video[:, mask.ravel()].mean(1) - video[:, ring].mean(1)
        baseline = percentile_filter(trace, 20, size=30 * RATE_HZ + 1, mode='nearest')
        baseline = np.where(baseline > 1e-6, baseline, 0.01 * np.abs(trace).mean())
        dff = (trace - baseline) / baseline
        dog = gaussian_filter1d(dff, 1) - gaussian_filter1d(dff, 10)
        limit = 2.5 * robust_sigma(dog)
        band = gaussian_filter1d(dff, 1) - median_filter(dff, size=61, mode='nearest')
        band_limit = 2.5 * robust_sigma(band)
        result.append((functional[cell], runs(dog > limit), runs(dog < -limit), runs(band > band_limit),
                       runs(band < -band_limit)))
    return len(video), result


def f1(cells, keep):
    tp = sum(1 for c in cells if c[0] and keep(c))
    fp = sum(1 for c in cells if not c[0] and keep(c))
    fn = sum(1 for c in cells if c[0]) - tp
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * precision * recall / max(1e-9, precision + recall)


RULES = {
    'before: DoG events - dips >= 4': lambda c: c[1] - c[2] >= 4,
    'before: DoG events - dips >= 2': lambda c: c[1] - c[2] >= 2,
    'sign test: rises - dips >= max(2, sqrt(rises + dips))': lambda c: c[3] - c[4] >= max(2, np.sqrt(c[3] + c[4])),
}
for share in (0.65, 0.7, 0.75):
    RULES[f'after: rises - dips >= 2 and rises >= {share} of crossings'] = \
        lambda c, share=share: c[3] - c[4] >= 2 and c[3] >= share * (c[3] + c[4])

if __name__ == '__main__':
    videos = [counts(folder) for folder in sys.argv[1:]]
    print('| rule | ' + ' | '.join(f'{frames} frames' for frames, _ in videos) + ' | mean |')
    print('|---' * (len(videos) + 2) + '|')
    for name, rule in RULES.items():
        scores = [f1(cells, rule) for _, cells in videos]
        print(f'| {name} | ' + ' | '.join(f'{s:.3f}' for s in scores) + f' | {np.mean(scores):.3f} |')
