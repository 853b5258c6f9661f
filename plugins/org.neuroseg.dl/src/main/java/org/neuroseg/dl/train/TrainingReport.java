package org.neuroseg.dl.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.neuroseg.segmentation.BlobLabelerStage;

/**
 * The report of a {@link SelfTraining} run as text for people: the videos with their label coverage, then for the
 * U-Net and the CGRU the best epoch, its scores and the losses of every epoch.
 */
public final class TrainingReport {

    private TrainingReport() {
    }

    /**
     * @param report {@link SelfTraining.Result#report()}
     * @return lines of text, the last ending in a line break
     */
    public static String text(JsonObject report) {
        StringBuilder text = new StringBuilder("NeuroSeg self-training\n\nVideos (labels from the Blob Labeler):\n");
        for (JsonElement element : report.getAsJsonArray("videos")) {
            JsonObject video = element.getAsJsonObject();
            text.append(format("  %s: %d frames, %.1f blob pixels a frame (%.2f %% of the frame), %d pixels in the "
                    + "video mask (%.1f %%), Blob Labeler threshold %.1f x noise, %s%n",
                    video.get("name").getAsString(), video.get("frames").getAsInt(),
                    video.get("blobPixelsPerFrame").getAsDouble(),
                    100 * video.get("blobShareOfFrame").getAsDouble(), video.get("videoMaskPixels").getAsLong(),
                    100 * video.get("videoMaskShareOfFrame").getAsDouble(),
                    video.get("blobLabelerThreshold").getAsDouble(),
                    BlobLabelerStage.BlobSizes.from(video).orElseThrow().summary()));
            for (JsonElement warning : video.getAsJsonArray("warnings")) {
                text.append("    WARNING: ").append(warning.getAsString()).append('\n');
            }
        }
        JsonObject unet = report.getAsJsonObject("unet");
        text.append(format("%nU-Net: %s; test Dice %.3f on %d frames%n", epochs(unet),
                unet.get("testDice").getAsDouble(), unet.get("testFramesScored").getAsInt()));
        appendEpochTable(text, unet);
        JsonObject cgru = report.getAsJsonObject("cgru");
        text.append(format("%nCGRU: %s, against the video masks (frame by frame: what recurred so far)%s%n",
                epochs(cgru),
                cgru.get("validatedOnTrainingVideo").getAsBoolean() ? ", validated on windows of the training video"
                        : " of the validation videos"));
        appendEpochTable(text, cgru);
        return text.toString();
    }

    /**
     * @param summary the training summary of a U-Net or CGRU model file
     * @return one line: epochs run, time, cancellation, the epochs whose mean network was kept (if averaged) and the
     *         best epoch with its validation scores
     */
    public static String epochs(JsonObject summary) {
        int run = summary.get("epochsRun").getAsInt();
        int averaged = averagedEpochs(summary);
        String kept = averaged > 0 ? format("kept the mean network of epochs %d-%d; ", run - averaged + 1, run) : "";
        return format("%d epochs in %.0f s%s; %sbest epoch %d (validation loss %.4f, Dice %.3f)", run,
                summary.get("trainingSeconds").getAsDouble(), canceled(summary), kept,
                summary.get("bestEpoch").getAsInt(), summary.get("bestValidationLoss").getAsDouble(),
                summary.get("bestValidationDice").getAsDouble());
    }

    /** @return how many epochs' networks were averaged into the kept one; 0 for files from before averaging */
    private static int averagedEpochs(JsonObject summary) {
        return summary.has("epochsAveraged") ? summary.get("epochsAveraged").getAsInt() : 0;
    }

    private static void appendEpochTable(StringBuilder text, JsonObject summary) {
        text.append("  epoch  training loss  validation loss  validation Dice  seconds\n");
        for (JsonElement element : summary.getAsJsonArray("epochs")) {
            JsonObject epoch = element.getAsJsonObject();
            text.append(format("  %5d  %13.4f  %15.4f  %15.3f  %7.1f%n", epoch.get("epoch").getAsInt(),
                    epoch.get("trainingLoss").getAsDouble(), epoch.get("validationLoss").getAsDouble(),
                    epoch.get("validationDice").getAsDouble(), epoch.get("seconds").getAsDouble()));
        }
    }

    private static String canceled(JsonObject summary) {
        if (!summary.get("canceled").getAsBoolean()) {
            return "";
        }
        return averagedEpochs(summary) > 0 ? " (canceled: the mean of the averaged epochs so far was kept)"
                : " (canceled: the best epoch so far was kept)";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
