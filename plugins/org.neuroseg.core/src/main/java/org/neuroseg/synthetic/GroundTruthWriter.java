package org.neuroseg.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/** Writes the ground-truth files of a synthetic video; every file appears complete or not at all. */
final class GroundTruthWriter {

    private static final int TRACE_DECIMALS = 5;
    private static final int SHIFT_DECIMALS = 4;

    private GroundTruthWriter() {
    }

    /** Writes the label image: one uint16 frame holding each ROI's id on its pixels, 0 elsewhere. */
    static void labels(Path file, RoiSet rois) throws NeurosegException {
        try (VideoWriter writer = VideoStore.create(file, rois.height(), rois.width(), PixelType.UINT16, 0,
                "{\"content\":\"ground-truth labels of a synthetic video: ROI id per pixel, 0 = background\"}")) {
            writer.append(rois.toLabelImage());
            writer.commit();
        }
    }

    /**
     * Writes {@code id,functional,centroid_row,centroid_col,radius_px,spike_count,visible_frames,snr_per_dff}, one
     * line per cell.
     */
    static void cells(Path file, List<SyntheticCell> cells) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            out.write("id,functional,centroid_row,centroid_col,radius_px,spike_count,visible_frames,snr_per_dff\n");
            StringBuilder line = new StringBuilder();
            for (SyntheticCell cell : cells) {
                line.setLength(0);
                line.append(cell.id()).append(',').append(cell.functional()).append(',');
                appendFixed(line, cell.centroidRow(), 3).append(',');
                appendFixed(line, cell.centroidCol(), 3).append(',');
                appendFixed(line, cell.radiusPx(), 3).append(',').append(cell.spikeCount()).append(',')
                        .append(cell.visibleFrames()).append(',');
                appendFixed(line, cell.snrPerDff(), 3).append('\n');
                out.write(line.toString());
            }
        });
    }

    /** Writes a header {@code id,0,1,...,T-1}, then per cell its id and spike count in every frame. */
    static void spikes(Path file, int[][] spikes) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            header(out, spikes.length == 0 ? 0 : spikes[0].length);
            StringBuilder line = new StringBuilder();
            for (int cell = 0; cell < spikes.length; cell++) {
                line.setLength(0);
                line.append(cell + 1);
                for (int count : spikes[cell]) {
                    line.append(',').append(count);
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    /** Writes a header {@code id,0,1,...,T-1}, then per cell its id and noise-free ΔF/F in every frame. */
    static void traces(Path file, float[][] dff) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            header(out, dff.length == 0 ? 0 : dff[0].length);
            StringBuilder line = new StringBuilder();
            for (int cell = 0; cell < dff.length; cell++) {
                line.setLength(0);
                line.append(cell + 1);
                for (float value : dff[cell]) {
                    appendFixed(line.append(','), value, TRACE_DECIMALS);
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    /** Writes {@code frame,dx,dy}, one line per frame, in pixels. */
    static void shifts(Path file, double[][] shifts) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            out.write("frame,dx,dy\n");
            StringBuilder line = new StringBuilder();
            for (int t = 0; t < shifts.length; t++) {
                line.setLength(0);
                line.append(t).append(',');
                appendFixed(line, shifts[t][0], SHIFT_DECIMALS).append(',');
                appendFixed(line, shifts[t][1], SHIFT_DECIMALS).append('\n');
                out.write(line.toString());
            }
        });
    }

    private static void header(Writer out, int frames) throws IOException {
        StringBuilder line = new StringBuilder("id");
        for (int t = 0; t < frames; t++) {
            line.append(',').append(t);
        }
        out.write(line.append('\n').toString());
    }

    /** Appends {@code value} rounded to {@code decimals} places in plain notation (no exponent, '.' separator). */
    static StringBuilder appendFixed(StringBuilder line, double value, int decimals) {
        long scale = (long) StrictMath.pow(10, decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            line.append('-');
        }
        line.append(scaled / scale).append('.');
        String fraction = Long.toString(scaled % scale);
        line.append("0".repeat(decimals - fraction.length())).append(fraction);
        return line;
    }
}
