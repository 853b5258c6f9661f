package org.neuroseg.roi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;

/**
 * Reads and writes the Neurofinder regions format: a JSON list of {"id": n, "coordinates": [[row, col], ...]}, one
 * entry per ROI, coordinates in px (0-based row and column). Neurofinder's own files carry only "coordinates"; such
 * regions are numbered 1..n in file order.
 */
public final class NeurofinderRegions {

    private NeurofinderRegions() {
    }

    /**
     * Reads regions. Either every region has an integer "id" (unique, at least 1; when some id is 0 the file counts
     * from 0 and every id is read 1 higher) or none has one.
     *
     * @param file the JSON file
     * @param height rows of the image the regions lie on, at least 1
     * @param width columns of the image, at least 1
     * @return the ROIs, in file order
     * @throws NeurosegException when the file cannot be read, is not a regions list, has a malformed, empty,
     *         duplicate or partly missing id or coordinate list, or a coordinate outside the height x width image;
     *         the message names the file and the region index (0-based position in the list)
     */
    public static RoiSet read(Path file, int height, int width) throws NeurosegException {
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (IOException | JsonParseException e) {
            throw new NeurosegException("Cannot read Neurofinder regions file " + file + ": " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new NeurosegException("Neurofinder regions file " + file + " must hold a JSON list of regions");
        }
        JsonArray regions = root.getAsJsonArray();
        // Files written by Python tools often number regions from 0; ROI ids start at 1 (0 is background).
        int offset = zeroBased(regions) ? 1 : 0;
        List<Roi> rois = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        Boolean withIds = null;
        for (int index = 0; index < regions.size(); index++) {
            String where = "Neurofinder regions file " + file + ", region " + index + ": ";
            if (!regions.get(index).isJsonObject()) {
                throw new NeurosegException(where + "expected an object with \"coordinates\"");
            }
            JsonObject region = regions.get(index).getAsJsonObject();
            boolean hasId = region.has("id");
            if (withIds != null && withIds != hasId) {
                throw new NeurosegException(where + "either every region needs an \"id\" or none");
            }
            withIds = hasId;
            int id = hasId ? integer(region.get("id"), where + "\"id\"") + offset : index + 1;
            if (id < 1 || !ids.add(id)) {
                throw new NeurosegException(where + "id " + id + " is not positive or appears twice");
            }
            rois.add(roi(id, region.get("coordinates"), where, height, width));
        }
        return new RoiSet(height, width, rois);
    }

    /** @return whether some region has the id 0 */
    private static boolean zeroBased(JsonArray regions) {
        for (JsonElement region : regions) {
            JsonElement id = region.isJsonObject() ? region.getAsJsonObject().get("id") : null;
            if (id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber() && id.getAsDouble() == 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the ROI of a non-empty coordinate list, each coordinate inside the image */
    private static Roi roi(int id, JsonElement element, String where, int height, int width)
            throws NeurosegException {
        if (element == null || !element.isJsonArray() || element.getAsJsonArray().isEmpty()) {
            throw new NeurosegException(where + "\"coordinates\" must be a non-empty list of [row, col] pairs");
        }
        JsonArray list = element.getAsJsonArray();
        int[] rows = new int[list.size()];
        int[] cols = new int[list.size()];
        for (int k = 0; k < list.size(); k++) {
            JsonElement pair = list.get(k);
            if (!pair.isJsonArray() || pair.getAsJsonArray().size() != 2) {
                throw new NeurosegException(where + "coordinate " + k + " is " + pair + ", expected [row, col]");
            }
            rows[k] = integer(pair.getAsJsonArray().get(0), where + "coordinate " + k + " row");
            cols[k] = integer(pair.getAsJsonArray().get(1), where + "coordinate " + k + " column");
            if (rows[k] < 0 || rows[k] >= height || cols[k] < 0 || cols[k] >= width) {
                throw new NeurosegException(where + "coordinate [" + rows[k] + ", " + cols[k] + "] lies outside the "
                        + height + " x " + width + " image (rows 0.." + (height - 1) + ", columns 0.."
                        + (width - 1) + ")");
            }
        }
        return new Roi(id, rows, cols);
    }

    private static int integer(JsonElement element, String what) throws NeurosegException {
        if (element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            double value = element.getAsDouble();
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new NeurosegException(what + " is " + element + ", expected an integer");
    }

    /**
     * Writes regions with their ids, one region per line. The file appears complete or not at all: the JSON goes
     * to a temporary file beside it, which is then renamed over {@code file}.
     *
     * @param file where to write; replaced if it exists
     * @param rois the regions
     * @throws NeurosegException when the file cannot be written
     */
    public static void write(Path file, RoiSet rois) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            out.write("[");
            for (int i = 0; i < rois.size(); i++) {
                Roi roi = rois.rois().get(i);
                out.write((i == 0 ? "\n" : ",\n") + "{\"id\": " + roi.id() + ", \"coordinates\": [");
                for (int k = 0; k < roi.area(); k++) {
                    out.write((k == 0 ? "[" : ", [") + roi.rows()[k] + ", " + roi.cols()[k] + "]");
                }
                out.write("]}");
            }
            out.write("\n]\n");
        });
    }
}
