#!/usr/bin/env python3
"""Writes the HDF5 and NWB files that Hdf5VideoTest and NwbVideoTest read: small movies written by h5py (the HDF5
library itself), so that our reader is checked against an independent writer.

Needs numpy and h5py (Debian: python3-numpy, python3-h5py). From this folder:
    /usr/bin/python3 make_fixtures.py

Every movie is FRAMES x HEIGHT x WIDTH with pixel value v(t, y, x) = (37 t + 11 y + 5 x) mod 251, then per type:
uint8 v, uint16 257 v, int16 100 v - 12000, float32 v / 7 - 3.25 (computed in float64, stored as float32).
"""
import h5py
import numpy as np

FRAMES, HEIGHT, WIDTH = 5, 9, 11


def values():
    t, y, x = np.meshgrid(np.arange(FRAMES), np.arange(HEIGHT), np.arange(WIDTH), indexing="ij")
    return (37 * t + 11 * y + 5 * x) % 251


def movie(dtype):
    v = values()
    if dtype == "uint8":
        return v.astype(np.uint8)
    if dtype == "uint16":
        return (257 * v).astype(np.uint16)
    if dtype == "int16":
        return (100 * v - 12000).astype(np.int16)
    return (v / 7.0 - 3.25).astype(np.float32)


with h5py.File("uint8-contiguous.h5", "w") as f:
    f.create_dataset("movie", data=movie("uint8"))

with h5py.File("uint16-deflate-frames.h5", "w") as f:
    # the largest 3-D dataset is the movie; a 2-D image and a smaller 3-D dataset lie beside it
    f.create_dataset("data/movie", data=movie("uint16"), chunks=(1, HEIGHT, WIDTH), compression="gzip",
                     compression_opts=4)
    f.create_dataset("data/mean", data=movie("uint16").mean(axis=0))
    f.create_dataset("data/small", data=np.zeros((2, 3, 4), np.uint16))

with h5py.File("int16-deflate-shuffle-blocks.h5", "w") as f:
    # chunks that cut across frames, rows and columns
    f.create_dataset("imaging/raw", data=movie("int16"), chunks=(2, 4, 5), compression="gzip", shuffle=True)

with h5py.File("float32-bigendian.h5", "w") as f:
    f.create_dataset("movie", data=movie("float32").astype(">f4"))

with h5py.File("two-movies.h5", "w") as f:
    f.create_dataset("a", data=movie("uint16"))
    f.create_dataset("b", data=movie("uint16"))

with h5py.File("float64.h5", "w") as f:
    f.create_dataset("movie", data=movie("float32").astype(np.float64))

# An NWB 2.x file as pynwb lays it out (only the parts a reader of imaging series uses): a TwoPhotonSeries with a
# starting time and rate, a OnePhotonSeries with time stamps, and a TimeSeries that is not a movie.
with h5py.File("two-series.nwb", "w") as f:
    f.attrs["namespace"] = "core"
    f.attrs["neurodata_type"] = "NWBFile"
    f.attrs["nwb_version"] = "2.7.0"
    f.create_dataset("identifier", data="fixture")
    f.create_dataset("session_description", data="NeuroSeg test fixture")
    f.create_dataset("session_start_time", data="2024-01-02T03:04:05+00:00")
    acquisition = f.create_group("acquisition")
    two = acquisition.create_group("TwoPhotonSeries")
    two.attrs["neurodata_type"] = "TwoPhotonSeries"
    two.attrs["namespace"] = "core"
    two.create_dataset("data", data=movie("uint16"), chunks=(1, HEIGHT, WIDTH), compression="gzip")
    start = two.create_dataset("starting_time", data=0.0)
    start.attrs["rate"] = 7.5
    start.attrs["unit"] = "seconds"
    one = acquisition.create_group("Miniscope")
    one.attrs["neurodata_type"] = "OnePhotonSeries"
    one.attrs["namespace"] = "core"
    one.create_dataset("data", data=movie("int16")[:3])
    one.create_dataset("timestamps", data=np.array([10.0, 10.05, 10.1]))
    speed = acquisition.create_group("RunningSpeed")
    speed.attrs["neurodata_type"] = "TimeSeries"
    speed.create_dataset("data", data=np.zeros(10))
