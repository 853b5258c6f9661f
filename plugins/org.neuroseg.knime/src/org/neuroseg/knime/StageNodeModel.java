package org.neuroseg.knime;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.neuroseg.knime.port.StagePorts;
import org.neuroseg.knime.util.FileStoreOutputs;
import org.neuroseg.knime.util.KnimeProgressMonitor;
import org.neuroseg.knime.util.KnimeSettings;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageRuns;
import org.neuroseg.stage.settings.SettingsException;
import org.neuroseg.stage.settings.StageSettings;

/**
 * The node model of every NeuroSeg node: keeps the stage's parameters in the node settings (one entry per parameter,
 * keyed by its {@link org.neuroseg.stage.ParamSpec#key()}), converts KNIME ports to stage inputs, runs the stage with
 * KNIME's progress, cancellation and file stores, and converts its outputs back.
 */
public final class StageNodeModel extends NodeModel {

    private final Stage stage;
    private Parameters parameters;
    /** Keys the loaded settings lacked with no migration, shown as the node's warning at configure. */
    private List<String> settingsWarnings = List.of();

    StageNodeModel(Stage stage) {
        super(StagePorts.types(stage.inputs()), StagePorts.types(stage.outputs()));
        this.stage = stage;
        this.parameters = stage.defaults();
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO settings) {
        StageSettings.save(parameters, KnimeSettings.writing(settings));
    }

    @Override
    protected void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        load(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        StageSettings.Loaded loaded = load(settings);
        parameters = loaded.parameters();
        settingsWarnings = loaded.warnings();
    }

    private StageSettings.Loaded load(NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            StageSettings.Loaded loaded = StageSettings.load(stage.parameters(), stage.settingsMigrations(),
                    KnimeSettings.reading(settings));
            stage.checkParameters(loaded.parameters());
            return loaded;
        } catch (SettingsException | IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Output specs depend on the data (frame counts, image sizes), so they are known only after execution. Settings
     * that loaded with missing keys are reported here as the node's warning.
     */
    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        try {
            stage.checkParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        if (!settingsWarnings.isEmpty()) {
            setWarningMessage(String.join("\n", settingsWarnings));
        }
        return new PortObjectSpec[stage.outputs().size()];
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        FileStoreOutputs files = new FileStoreOutputs(exec);
        List<StageRuns.Opener> inputs = new ArrayList<>();
        for (int i = 0; i < inObjects.length; i++) {
            PortSpec<?> port = stage.inputs().get(i);
            PortObject object = inObjects[i];
            inputs.add(() -> StagePorts.toStageValue(port, object));
        }
        List<String> warnings = new CopyOnWriteArrayList<>(settingsWarnings);
        try {
            PortObject[] outputs = StageRuns.run(stage, inputs, parameters, new StageContext(files,
                    new KnimeProgressMonitor(exec), warnings::add),
                    values -> StagePorts.toPortObjects(stage.outputs(), values, files, exec));
            if (warnings.size() > settingsWarnings.size()) {
                setWarningMessage(String.join("\n", warnings));
            }
            return outputs;
        } catch (CanceledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals: outputs are in ports and file stores
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals: outputs are in ports and file stores
    }
}
