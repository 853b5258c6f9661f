package org.neuroseg.stage.settings;

import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Stage;

/** A stage's default settings as a workflow saved before some of its parameters existed holds them. */
public final class SavedBefore {

    private SavedBefore() {
    }

    /**
     * @param stage whose defaults are saved
     * @param missing parameters the saved settings lack
     * @return the settings loaded back as a node loads them, migrations applied
     */
    public static StageSettings.Loaded load(Stage stage, ParamSpec... missing) throws Exception {
        MemorySettings saved = new MemorySettings();
        StageSettings.save(stage.defaults(), saved);
        for (ParamSpec parameter : missing) {
            saved.remove(parameter.key());
        }
        return StageSettings.load(stage.parameters(), stage.settingsMigrations(), saved);
    }
}
