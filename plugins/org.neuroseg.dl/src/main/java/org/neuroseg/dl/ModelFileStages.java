package org.neuroseg.dl;

import java.util.List;
import org.neuroseg.dl.model.ModelReaderStage;
import org.neuroseg.dl.model.ModelWriterStage;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageProvider;

/**
 * Contributes the Model Reader and Model Writer to {@link org.neuroseg.stage.Stages#all()} (registered in
 * META-INF/services after {@link CgruStages}).
 */
public final class ModelFileStages implements StageProvider {

    @Override
    public List<Stage> stages() {
        return List.of(ModelReaderStage.INSTANCE, ModelWriterStage.INSTANCE);
    }
}
