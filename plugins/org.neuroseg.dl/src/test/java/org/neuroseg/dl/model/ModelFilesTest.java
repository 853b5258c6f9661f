package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;

/** A damaged model.json inside a model file is a named error, never an internal one. */
class ModelFilesTest {

    /** A U-Net file as written before the input frames, context and normalisation were recorded. */
    private static final String OLD_UNET = "{\"architecture\": \"unet\", \"formatVersion\": 1, "
            + "\"unet\": {\"depth\": 4, \"baseChannels\": 4, \"asppRates\": [1, 2, 4]}}";

    @TempDir
    Path dir;

    @Test
    void malformedJsonNamesTheFileAndTheEntry() throws Exception {
        Path file = model("{\"architecture\": \"unet\", \"formatVersion\": 1, \"unet\": {\"depth\": 4,");
        NeurosegException e = assertThrows(NeurosegException.class, () -> UNetModelFile.readInfo(file));
        assertEquals("Model file " + file + " has an unreadable model.json: ", e.getMessage().substring(0,
                ("Model file " + file + " has an unreadable model.json: ").length()));
    }

    @Test
    void missingFormatVersionIsNamed() throws Exception {
        Path file = model("{\"architecture\": \"unet\", \"unet\": {\"depth\": 4, \"baseChannels\": 4,"
                + " \"asppRates\": [1, 2]}}");
        assertMessage("Model file " + file + ": model.json has no 'formatVersion'", file);
    }

    @Test
    void fieldOfTheWrongTypeIsNamedWithItsValue() throws Exception {
        Path version = model("{\"architecture\": \"unet\", \"formatVersion\": \"one\"}");
        assertMessage("Model file " + version + ": model.json's 'formatVersion' is \"one\", expected an integer",
                version);
        Path architecture = model("{\"architecture\": {\"name\": \"unet\"}, \"formatVersion\": 1}");
        assertMessage("Model file " + architecture + ": model.json's 'architecture' is {\"name\":\"unet\"},"
                + " expected a text", architecture);
        NeurosegException e = assertThrows(NeurosegException.class, () -> ModelFiles.architecture(architecture));
        assertEquals("Model file " + architecture + ": model.json's 'architecture' is {\"name\":\"unet\"},"
                + " expected a text", e.getMessage());
    }

    @Test
    void missingArchitectureFieldIsNamed() throws Exception {
        Path file = model("{\"architecture\": \"unet\", \"formatVersion\": 1, \"unet\": {\"depth\": 4,"
                + " \"asppRates\": [1, 2]}}");
        NeurosegException e = assertThrows(NeurosegException.class, () -> UNetModelFile.read(file, null));
        assertEquals("Model file " + file + " has an invalid U-Net architecture: model.json's 'unet' has no"
                + " 'baseChannels'", e.getMessage());
        Path deep = model("{\"architecture\": \"unet\", \"formatVersion\": 1, \"unet\": {\"depth\": 9,"
                + " \"baseChannels\": 4, \"asppRates\": [1, 2]}}");
        NeurosegException range = assertThrows(NeurosegException.class, () -> UNetModelFile.read(deep, null));
        assertEquals("Model file " + deep + " has an invalid U-Net architecture: U-Net depth 9 is out of range:"
                + " allowed 1 to 6", range.getMessage());
    }

    @Test
    void theInputFramesAreRecordedAndOldFilesReadEqualizedFrames() throws Exception {
        assertEquals(UNetInput.EQUALIZED, UNetModelFile.input(UNetModelFile.readInfo(model(OLD_UNET))));
        Path written = UNetModelFile.write(dir.resolve("activity.nsmodel"), UNetConfig.DEFAULT, UNetInput.ACTIVITY,
                new byte[0], null).file();
        assertEquals(UNetInput.ACTIVITY, UNetModelFile.input(UNetModelFile.readInfo(written)));
        Path newer = model(OLD_UNET.replace("\"depth\": 4,", "\"depth\": 4, \"inputFrames\": \"spectral\","));
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> UNetModelFile.input(UNetModelFile.readInfo(newer)));
        assertEquals("The U-Net model reads frames this NeuroSeg does not know: Unknown U-Net input 'spectral': known "
                + "are [activity, equalized]", e.getMessage());
    }

    @Test
    void theFramesOfContextAreRecordedAndOldFilesReadOneFrame() throws Exception {
        assertEquals(0, UNetModelFile.contextFrames(UNetModelFile.readInfo(model(OLD_UNET))));
        Path written = UNetModelFile.write(dir.resolve("context.nsmodel"), UNetConfig.DEFAULT.withInputChannels(3),
                UNetInput.ACTIVITY, 1, new byte[0], null).file();
        assertEquals(1, UNetModelFile.contextFrames(UNetModelFile.readInfo(written)));
        Path newer = model(OLD_UNET.replace("\"depth\": 4,", "\"depth\": 4, \"contextFrames\": 9,"));
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> UNetModelFile.contextFrames(UNetModelFile.readInfo(newer)));
        assertEquals("The U-Net model reads 9 frames of context each side; this NeuroSeg reads 0 to 3",
                e.getMessage());
    }

    @Test
    void theInputNormalisationIsRecordedAndOldFilesReadZScores() throws Exception {
        assertEquals(InputNormalization.FRAME_ZSCORE,
                UNetModelFile.normalization(UNetModelFile.readInfo(model(OLD_UNET))));
        Path written = UNetModelFile.write(dir.resolve("robust.nsmodel"), UNetConfig.DEFAULT, UNetInput.ACTIVITY,
                new byte[0], null).file();
        assertEquals(InputNormalization.FRAME_ROBUST, UNetModelFile.normalization(UNetModelFile.readInfo(written)));
        String zscore = OLD_UNET.replace("}}", "}, \"inputNormalization\": {\"method\": \"frame-zscore\"}}");
        assertEquals(InputNormalization.FRAME_ZSCORE,
                UNetModelFile.normalization(UNetModelFile.readInfo(model(zscore))));
        Path newer = model(zscore.replace("frame-zscore", "percentile-range"));
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> UNetModelFile.normalization(UNetModelFile.readInfo(newer)));
        assertEquals("The U-Net model normalises its input in a way this NeuroSeg does not know: unknown input "
                + "normalisation \"percentile-range\"", e.getMessage());
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            NeurosegException loading = assertThrows(NeurosegException.class, () -> UNetModelFile.read(newer, manager));
            assertEquals("Model file " + newer + ": " + e.getMessage(), loading.getMessage());
        }
    }

    private void assertMessage(String expected, Path file) {
        NeurosegException e = assertThrows(NeurosegException.class, () -> UNetModelFile.readInfo(file));
        assertEquals(expected, e.getMessage());
    }

    private Path model(String json) throws Exception {
        Path file = Files.createTempFile(dir, "model", ".nsmodel");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ModelFiles.INFO_ENTRY));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ModelFiles.PARAMS_ENTRY));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return file;
    }
}
