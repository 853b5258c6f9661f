package org.neuroseg.preprocess;

import com.google.gson.JsonObject;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;

/** The JSON metadata stored with a stage's output video: which stage made it, with which parameters. */
final class StageMetadata {

    private StageMetadata() {
    }

    /** @return {"stage": id, "parameters": {key: value as text}} */
    static String json(Stage stage, Parameters parameters) {
        JsonObject json = new JsonObject();
        json.addProperty("stage", stage.id());
        JsonObject values = new JsonObject();
        parameters.asMap().forEach((key, value) -> values.addProperty(key, String.valueOf(value)));
        json.add("parameters", values);
        return json.toString();
    }
}
