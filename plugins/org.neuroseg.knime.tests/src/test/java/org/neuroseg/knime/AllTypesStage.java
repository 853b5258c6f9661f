package org.neuroseg.knime;

import java.util.List;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortKind;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;

/** A test stage with one parameter of every type and one port of every kind; it passes its video through. */
final class AllTypesStage implements Stage {

    static final AllTypesStage INSTANCE = new AllTypesStage();

    private AllTypesStage() {
    }

    @Override
    public String id() {
        return "all-types";
    }

    @Override
    public String name() {
        return "All Types";
    }

    @Override
    public StageCategory category() {
        return StageCategory.ANALYSIS;
    }

    @Override
    public String shortDescription() {
        return "Exercises every parameter type.";
    }

    @Override
    public String description() {
        return "A stage for tests: one parameter of each type and one port of each kind.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("cellDiameterPx", "Cell diameter (px)", 12, 3, 60, "Typical diameter."),
                ParamSpec.seed("seed", "Random seed", 7L, "Seed."),
                ParamSpec.decimal("sigmaPx", "Gaussian sigma (px)", 1.5, 0.1, 10, "Blur."),
                ParamSpec.bool("keepSilent", "Keep silent cells", false, "Whether to keep silent cells."),
                ParamSpec.text("prefix", "Name prefix", "cell", "Prefix of names."),
                ParamSpec.choice("projection", "Projection", "max", List.of("max", "mean"), "How to project."),
                ParamSpec.path("folder", "Output folder", "", ParamSpec.PathKind.FOLDER_TO_WRITE, "Where files go."));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(new PortSpec<>("Video", PortKind.VIDEO, "A video."),
                new PortSpec<>("ROIs", PortKind.ROI_TABLE, "ROIs."),
                new PortSpec<>("Model", PortKind.MODEL, "A model."),
                new PortSpec<>("Picture", PortKind.PICTURE, "A picture."));
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(new PortSpec<>("Video", PortKind.VIDEO, "The same video."),
                new PortSpec<>("Image", PortKind.IMAGE, "An image."),
                new PortSpec<>("Raster", PortKind.RASTER_TABLE, "A raster."),
                new PortSpec<>("Scores", PortKind.METRICS_TABLE, "Scores."),
                new PortSpec<>("Shifts", PortKind.SHIFTS_TABLE, "Shifts."),
                new PortSpec<>("Traces", PortKind.TRACES_TABLE, "Traces."),
                new PortSpec<>("Evidence", PortKind.ACTIVITY_TABLE, "Activity evidence."),
                new PortSpec<>("Overlay", PortKind.PICTURE, "A picture."),
                new PortSpec<>("Model", PortKind.MODEL, "A model."));
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context) {
        throw new UnsupportedOperationException("settings tests never run this stage");
    }
}
