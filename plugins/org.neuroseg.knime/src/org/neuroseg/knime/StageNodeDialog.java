package org.neuroseg.knime;

import javax.swing.JFileChooser;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Stage;

/**
 * The dialog of a NeuroSeg node, one control per parameter in the stage's order: each settings model is keyed by the
 * parameter's key and writes the same type {@link org.neuroseg.stage.settings.StageSettings} reads, each label is
 * the parameter's label (the option name in the node description) and each tooltip its description. A parameter that
 * derives from the cell diameter has a second control, the tick box of its auto key.
 */
final class StageNodeDialog extends DefaultNodeSettingsPane {

    StageNodeDialog(Stage stage) {
        for (ParamSpec spec : stage.parameters()) {
            DialogComponent component = component(stage, spec);
            component.setToolTipText(spec.description());
            addDialogComponent(component);
            if (spec.cellScaling() != null) {
                // ticked, the number above is ignored and the value derives from the cell diameter
                DialogComponent auto = new DialogComponentBoolean(new SettingsModelBoolean(spec.autoKey(), true),
                        spec.label() + ": auto (" + spec.cellScaling() + ")");
                auto.setToolTipText("Derive '" + spec.label() + "' from the cell diameter instead of the value above.");
                addDialogComponent(auto);
            }
        }
    }

    private static DialogComponent component(Stage stage, ParamSpec spec) {
        String key = spec.key();
        Object value = spec.defaultValue();
        return switch (spec.type()) {
            case INTEGER -> new DialogComponentNumber(new SettingsModelIntegerBounded(key, (Integer) value,
                    spec.min() == null ? Integer.MIN_VALUE : spec.min().intValue(),
                    spec.max() == null ? Integer.MAX_VALUE : spec.max().intValue()), spec.label(), 1);
            case LONG -> new DialogComponentNumber(new SettingsModelLong(key, (Long) value), spec.label(), 1);
            case DOUBLE -> new DialogComponentNumber(new SettingsModelDoubleBounded(key, (Double) value,
                    spec.min() == null ? -Double.MAX_VALUE : spec.min(),
                    spec.max() == null ? Double.MAX_VALUE : spec.max()), spec.label(), 0.1);
            case BOOLEAN -> new DialogComponentBoolean(new SettingsModelBoolean(key, (Boolean) value), spec.label());
            case STRING -> new DialogComponentString(new SettingsModelString(key, (String) value), spec.label());
            case CHOICE -> new DialogComponentStringSelection(new SettingsModelString(key, (String) value),
                    spec.label(), spec.choices());
            case PATH -> {
                DialogComponentFileChooser chooser = new DialogComponentFileChooser(
                        new SettingsModelString(key, (String) value), "neuroseg." + stage.id() + "." + key,
                        spec.pathKind().written() ? JFileChooser.SAVE_DIALOG : JFileChooser.OPEN_DIALOG,
                        spec.pathKind().folder());
                chooser.setBorderTitle(spec.label());
                yield chooser;
            }
        };
    }
}
