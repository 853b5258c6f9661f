package org.neuroseg.stage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;

/**
 * The JSON metadata stored with a stage's output video: which stage made it, with which parameters. A stage may add
 * what it learnt while running (the Blob Labeler adds its blobs' sizes).
 */
public final class StageMetadata {

    private static final String STAGE = "stage";
    private static final String PARAMETERS = "parameters";

    private StageMetadata() {
    }

    /**
     * @return {@code {"stage": id, "parameters": {key: value}}}, numbers and flags as JSON numbers and booleans, other
     *         values as text
     */
    public static JsonObject of(Stage stage, Parameters parameters) {
        JsonObject values = new JsonObject();
        parameters.asMap().forEach((key, value) -> {
            if (value instanceof Number number) {
                values.addProperty(key, number);
            } else if (value instanceof Boolean flag) {
                values.addProperty(key, flag);
            } else {
                values.addProperty(key, String.valueOf(value));
            }
        });
        JsonObject json = new JsonObject();
        json.addProperty(STAGE, stage.id());
        json.add(PARAMETERS, values);
        return json;
    }

    /** @return the metadata {@code video} was stored with; empty for videos not in a store or stored without any */
    public static Optional<JsonObject> stored(Video video) {
        return video instanceof FileVideo file && !file.metadataJson().isEmpty()
                ? Optional.of(JsonParser.parseString(file.metadataJson()).getAsJsonObject()) : Optional.empty();
    }

    /**
     * @return the value of parameter {@code key} that made {@code video}, as its stored metadata records it; empty for
     *         videos that no stage stored or without that parameter
     */
    public static Optional<JsonElement> parameter(Video video, String key) {
        return stored(video).filter(json -> json.has(PARAMETERS)).map(json -> json.getAsJsonObject(PARAMETERS))
                .filter(values -> values.has(key)).map(values -> values.get(key));
    }
}
