package org.neuroseg.roi;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import java.awt.Point;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;

/**
 * ImageJ RoiSet zips (what ImageJ's and Fiji's ROI Manager saves and opens): one {@code .roi} file per ROI, encoded
 * and decoded by ImageJ's own {@link RoiEncoder} and {@link RoiDecoder}. Each ROI is written as the traced outline
 * of its pixels, so reading it back gives exactly the same pixels.
 */
public final class ImageJRoiSets {

    private ImageJRoiSets() {
    }

    /**
     * Writes one outline per ROI to a RoiSet zip, named {@code <id>-<row>-<col>.roi} after its centroid. The zip
     * appears only when complete.
     */
    public static void write(RoiSet rois, Path zip) throws NeurosegException {
        AtomicFiles.write(zip, out -> {
            try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (org.neuroseg.roi.Roi roi : rois.rois()) {
                    Roi outline = outline(roi);
                    String name = String.format(Locale.ROOT, "%04d-%04d-%04d", roi.id(),
                            Math.round(roi.centroidRow()), Math.round(roi.centroidCol()));
                    outline.setName(name);
                    zipOut.putNextEntry(new ZipEntry(name + ".roi"));
                    zipOut.write(RoiEncoder.saveAsByteArray(outline));
                    zipOut.closeEntry();
                }
            }
        });
    }

    /**
     * Reads a RoiSet zip (or a single {@code .roi} file) and rasterises each ROI on a height x width image; ROIs are
     * numbered 1..n in file order. Pixels outside the image are dropped; an ROI with no pixel inside is an error.
     *
     * @throws NeurosegException naming the file (and the entry) when it is not a RoiSet or an ROI cannot be decoded
     */
    public static RoiSet read(Path file, int height, int width) throws NeurosegException {
        List<org.neuroseg.roi.Roi> rois = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".roi")) {
                rois.add(rasterise(decode(in.readAllBytes(), file, file.getFileName().toString()), 1, height,
                        width, file));
            } else {
                try (ZipInputStream zipIn = new ZipInputStream(in)) {
                    for (ZipEntry entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
                        if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) {
                            Roi decoded = decode(zipIn.readAllBytes(), file, entry.getName());
                            rois.add(rasterise(decoded, rois.size() + 1, height, width, file));
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new NeurosegException("File not found: " + file, e);
        } catch (ZipException e) {
            throw new NeurosegException(file + " is not a valid ImageJ RoiSet zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rois.isEmpty()) {
            throw new NeurosegException(file + " holds no ImageJ ROIs (.roi entries)");
        }
        return new RoiSet(height, width, rois);
    }

    private static Roi outline(org.neuroseg.roi.Roi roi) {
        int[] box = roi.boundingBox();
        ByteProcessor mask = new ByteProcessor(box[3] - box[1] + 1, box[2] - box[0] + 1);
        for (int i = 0; i < roi.area(); i++) {
            mask.set(roi.cols()[i] - box[1], roi.rows()[i] - box[0], 255);
        }
        mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
        Roi outline = new ThresholdToSelection().convert(mask);
        Rectangle bounds = outline.getBounds();
        outline.setLocation(box[1] + bounds.x, box[0] + bounds.y);
        return outline;
    }

    private static Roi decode(byte[] bytes, Path file, String entry) throws NeurosegException {
        Roi roi = RoiDecoder.openFromByteArray(bytes);
        if (roi == null) {
            throw new NeurosegException(file + ": entry " + entry + " is not an ImageJ ROI");
        }
        return roi;
    }

    private static org.neuroseg.roi.Roi rasterise(Roi roi, int id, int height, int width, Path file)
            throws NeurosegException {
        Point[] points = roi.getContainedPoints();
        int[] rows = new int[points.length];
        int[] cols = new int[points.length];
        int kept = 0;
        for (Point point : points) {
            if (point.y >= 0 && point.y < height && point.x >= 0 && point.x < width) {
                rows[kept] = point.y;
                cols[kept] = point.x;
                kept++;
            }
        }
        if (kept == 0) {
            throw new NeurosegException(file + ": ROI " + id + " (" + roi.getName() + ") lies outside the " + height
                    + " x " + width + " image");
        }
        return new org.neuroseg.roi.Roi(id, java.util.Arrays.copyOf(rows, kept), java.util.Arrays.copyOf(cols, kept));
    }

}
