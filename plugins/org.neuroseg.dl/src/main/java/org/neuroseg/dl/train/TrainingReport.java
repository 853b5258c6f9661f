package org.neuroseg.dl.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;

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
            text.append(format("  %s: %d frames, %.1f blob pixels a frame, %d pixels in the video mask%n",
                    video.get("name").getAsString(), video.get("frames").getAsInt(),
                    video.get("blobPixelsPerFrame").getAsDouble(), video.get("videoMaskPixels").getAsLong()));
        }
        JsonObject unet = report.getAsJsonObject("unet");
        text.append(format("%nU-Net: %d epochs in %.0f s%s; best epoch %d (validation loss %.4f); test Dice %.3f on "
                + "%d frames%n", unet.get("epochsRun").getAsInt(), unet.get("trainingSeconds").getAsDouble(),
                canceled(unet), unet.get("bestEpoch").getAsInt(), unet.get("bestValidationLoss").getAsDouble(),
                unet.get("testDice").getAsDouble(), unet.get("testFramesScored").getAsInt()));
        text.append("  epoch  training loss  validation loss  seconds\n");
        for (JsonElement element : unet.getAsJsonArray("epochs")) {
            JsonObject epoch = element.getAsJsonObject();
            text.append(format("  %5d  %13.4f  %15.4f  %7.1f%n", epoch.get("epoch").getAsInt(),
                    epoch.get("trainingLoss").getAsDouble(), epoch.get("validationLoss").getAsDouble(),
                    epoch.get("seconds").getAsDouble()));
        }
        JsonObject cgru = report.getAsJsonObject("cgru");
        text.append(format("%nCGRU: %d epochs in %.0f s%s; best epoch %d (validation loss %.4f, Dice %.3f against "
                + "the video masks%s)%n", cgru.get("epochsRun").getAsInt(), cgru.get("trainingSeconds").getAsDouble(),
                canceled(cgru), cgru.get("bestEpoch").getAsInt(), cgru.get("bestValidationLoss").getAsDouble(),
                cgru.get("bestValidationDice").getAsDouble(), cgru.get("validatedOnTrainingVideo").getAsBoolean()
                        ? ", validated on windows of the training video" : " of the validation videos"));
        text.append("  epoch  training loss  validation loss  validation Dice  seconds\n");
        for (JsonElement element : cgru.getAsJsonArray("epochs")) {
            JsonObject epoch = element.getAsJsonObject();
            text.append(format("  %5d  %13.4f  %15.4f  %15.3f  %7.1f%n", epoch.get("epoch").getAsInt(),
                    epoch.get("trainingLoss").getAsDouble(), epoch.get("validationLoss").getAsDouble(),
                    epoch.get("validationDice").getAsDouble(), epoch.get("seconds").getAsDouble()));
        }
        return text.toString();
    }

    private static String canceled(JsonObject summary) {
        return summary.get("canceled").getAsBoolean() ? " (canceled: the best epoch so far was kept)" : "";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
