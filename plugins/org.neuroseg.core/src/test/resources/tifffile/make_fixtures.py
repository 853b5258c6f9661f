#!/usr/bin/env python3
"""Writes the TIFF fixtures of TifffileFixturesTest with Python's tifffile, an independent writer.

Each fixture holds the same 3 frames of 29 x 37 pixels (odd sizes, so strips and tiles do not divide the image
evenly) of one pixel type, in one layout: stripped (several strips per page) or tiled, uncompressed, Deflate,
LZW or PackBits, without predictor or with horizontal differencing (2; float32: floating-point prediction, 3),
little- or big-endian, classic TIFF or BigTIFF. The frames compress to different sizes (a smooth ramp, the ramp
with a little noise, pure noise), so that pages of one file have strips and tiles of different sizes.
reference-TYPE.raw holds the expected pixels, little-endian, frame after frame, row after row.

Needs numpy and tifffile (Debian: python3-numpy, python3-tifffile); LZW, PackBits and the floating-point predictor
also need the imagecodecs package (tifffile's encoders for them live there). Run from this folder:
    python3 make_fixtures.py
and commit the output; the tests do not need Python.
"""
import os

import numpy
import tifffile

FRAMES, HEIGHT, WIDTH = 3, 29, 37
SEED = 12


def reference(dtype):
    """Three frames of compressibility that differs from frame to frame; float32 ones have fractions and signs."""
    rng = numpy.random.default_rng(SEED)
    y, x = numpy.mgrid[0:HEIGHT, 0:WIDTH]
    ramp = (3 * y + 5 * x) / (3 * (HEIGHT - 1) + 5 * (WIDTH - 1))
    if dtype == numpy.float32:
        top = 1000.0
        frames = [ramp * top - 250.0,
                  ramp * top - 250.0 + rng.normal(0, 7.5, ramp.shape),
                  rng.normal(0, 300.0, ramp.shape)]
        return numpy.stack(frames).astype(numpy.float32)
    top = numpy.iinfo(dtype).max
    frames = [ramp * top,
              numpy.clip(ramp * top + rng.normal(0, top / 50, ramp.shape), 0, top),
              rng.integers(0, top, ramp.shape, endpoint=True)]
    return numpy.rint(numpy.stack(frames)).astype(dtype)


def layouts(dtype):
    """(name, keyword arguments of tifffile.imwrite) of every layout written for dtype."""
    # tifffile refuses horizontal differencing of floats: float32 gets the floating-point predictor instead
    difference = 3 if dtype == numpy.float32 else 2
    predictors = [('', None), (f'-predictor{difference}', difference)]
    for compression, short in [(None, 'none'), ('zlib', 'deflate'), ('lzw', 'lzw'), ('packbits', 'packbits')]:
        for blocks, arguments in [('1strip', {'rowsperstrip': HEIGHT}), ('strips7', {'rowsperstrip': 7}),
                                  ('tiles16', {'tile': (16, 16)})]:
            for predictor_name, predictor in predictors if compression in ('zlib', 'lzw') else [('', None)]:
                options = dict(arguments, compression=compression)
                if predictor is not None:
                    options['predictor'] = predictor
                yield f'{short}-{blocks}{predictor_name}', options
    yield f'deflate-strips7-predictor{difference}-bigendian', {'compression': 'zlib', 'rowsperstrip': 7,
                                                              'predictor': difference, 'byteorder': '>'}
    yield 'lzw-tiles16-bigendian', {'compression': 'lzw', 'tile': (16, 16), 'byteorder': '>'}
    yield 'none-strips7-bigendian', {'rowsperstrip': 7, 'byteorder': '>'}
    yield 'deflate-tiles16-bigtiff', {'compression': 'zlib', 'tile': (16, 16), 'bigtiff': True}
    yield f'lzw-strips7-predictor{difference}-bigtiff-bigendian', {'compression': 'lzw', 'rowsperstrip': 7,
                                                                  'predictor': difference, 'bigtiff': True,
                                                                  'byteorder': '>'}
    yield f'deflate-tiles16-predictor{difference}-bigendian', {'compression': 'zlib', 'tile': (16, 16),
                                                              'predictor': difference, 'byteorder': '>'}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for dtype in (numpy.uint8, numpy.uint16, numpy.float32):
        name = numpy.dtype(dtype).name
        data = reference(dtype)
        data.astype(data.dtype.newbyteorder('<')).tofile(os.path.join(here, f'reference-{name}.raw'))
        for layout, options in layouts(dtype):
            target = os.path.join(here, f'{name}-{layout}.tif')
            # metadata=None: plain pages, no shape description, as most acquisition software writes them
            tifffile.imwrite(target, data, photometric='minisblack', metadata=None, **options)
            assert numpy.array_equal(tifffile.imread(target), data), target
            print(target, os.path.getsize(target), 'bytes')


if __name__ == '__main__':
    main()
