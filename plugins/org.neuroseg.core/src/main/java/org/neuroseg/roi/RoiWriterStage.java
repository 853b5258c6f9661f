package org.neuroseg.roi;

import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.PathKind;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;

/**
 * ROI Writer: saves ROIs as a 16-bit label TIFF, Neurofinder regions JSON and an ImageJ RoiSet zip, for ImageJ,
 * Fiji, Neurofinder's scorer and other tools. Each file appears only when complete.
 */
public final class RoiWriterStage implements Stage {

    /** The stage. */
    public static final RoiWriterStage INSTANCE = new RoiWriterStage();

    public static final ParamSpec FOLDER = ParamSpec.path("folder", "Output folder", "", PathKind.FOLDER_TO_WRITE,
            "Folder for the files; created when missing.");
    public static final ParamSpec BASE_NAME = ParamSpec.text("baseName", "File name prefix", "neurons",
            "Files are named <prefix>_labels.tif, <prefix>_regions.json and <prefix>_RoiSet.zip.");
    public static final ParamSpec LABEL_TIFF = ParamSpec.bool("writeLabelTiff", "Write label image (TIFF)", true,
            "A 16-bit TIFF where each neuron's pixels hold its id and the background is 0.");
    public static final ParamSpec REGIONS_JSON = ParamSpec.bool("writeRegionsJson", "Write regions (JSON)", true,
            "Neurofinder regions: a list of {\"id\", \"coordinates\": [[row, col], ...]}.");
    public static final ParamSpec IMAGEJ_ROISET = ParamSpec.bool("writeImageJRoiSet", "Write ImageJ RoiSet (zip)",
            true, "Outlines that ImageJ's and Fiji's ROI Manager open.");

    public static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs", "The neurons to save.");

    private RoiWriterStage() {
    }

    @Override
    public String id() {
        return "roi-writer";
    }

    @Override
    public String name() {
        return "ROI Writer";
    }

    @Override
    public StageCategory category() {
        return StageCategory.IO;
    }

    @Override
    public String shortDescription() {
        return "Saves neurons as a label TIFF, Neurofinder JSON and an ImageJ RoiSet.";
    }

    @Override
    public String description() {
        return "Writes the ROIs (neurons) to files other tools read: a 16-bit label image TIFF (each neuron's pixels "
                + "hold its id), Neurofinder regions JSON (pixel coordinates per neuron, as the Neurofinder "
                + "benchmark scores them) and an ImageJ RoiSet zip (outlines for ImageJ's and Fiji's ROI Manager). "
                + "Existing files of the same names are replaced.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(FOLDER, BASE_NAME, LABEL_TIFF, REGIONS_JSON, IMAGEJ_ROISET);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(ROIS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of();
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        RoiSet rois = inputs.get(ROIS);
        Path folder = parameters.getPath(FOLDER);
        if (folder == null) {
            throw new NeurosegException("No output folder chosen: set '" + FOLDER.label() + "'");
        }
        String base = parameters.getString(BASE_NAME);
        if (base.isBlank() || base.contains("/") || base.contains("\\")) {
            throw new NeurosegException("'" + BASE_NAME.label() + "' must be a plain file name, got '" + base + "'");
        }
        if (parameters.getBoolean(LABEL_TIFF)) {
            TiffWriter.writeLabelImage(folder.resolve(base + "_labels.tif"), rois.toLabelImage(), rois.height(),
                    rois.width());
        }
        context.monitor().setProgress(0.3, null);
        if (parameters.getBoolean(REGIONS_JSON)) {
            NeurofinderRegions.write(folder.resolve(base + "_regions.json"), rois);
        }
        context.monitor().setProgress(0.6, null);
        if (parameters.getBoolean(IMAGEJ_ROISET)) {
            ImageJRoiSets.write(rois, folder.resolve(base + "_RoiSet.zip"));
        }
        context.monitor().setProgress(1, null);
        return PortValues.none();
    }
}
