package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.stage.ModelFile;

class ShippedModelsTest {

    @Test
    void shippedUNetIsTheRepositoryFileAndLoads() throws Exception {
        ModelFile model = ShippedModels.unet();
        assertEquals(UNetModelFile.ARCHITECTURE, model.architecture());
        assertArrayEquals(Files.readAllBytes(Path.of("../../models/unet-default/unet-default.nsmodel")),
                Files.readAllBytes(model.file()));
        assertEquals(model.file(), ShippedModels.unet().file(), "one copy per content");
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(model.file(), manager);
            assertEquals(8, loaded.network().config().baseChannels());
            assertEquals(2, loaded.network().config().patchSize());
            assertEquals(1, loaded.network().config().inputChannels());
            assertEquals(1, loaded.inputScale(8), "8 px cells lie within the sizes it learned");
            assertEquals(16.0 / 32, loaded.inputScale(32), 1e-6, "32 px cells are shrunk to 16 px");
            assertEquals(UNetInput.ACTIVITY, UNetModelFile.input(loaded.info()));
        }
    }

    /**
     * The shipped U-Net gives the probabilities it gave when it was trained, on a fixed frame (Gaussian blobs on a
     * slope): golden/unet-default-prediction.txt holds every 37th probability of a 64 x 64 frame, written when the
     * model was (regenerated with {@code -Dneuroseg.regenerate=true}); atol 1e-6 (float32 arithmetic on one
     * thread).
     */
    @Test
    void shippedUNetPredictsAsBefore() throws Exception {
        float[] frame = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double blobs = 0;
                for (int[] centre : new int[][] {{12, 15}, {40, 22}, {30, 50}, {55, 55}}) {
                    double d2 = Math.pow(y - centre[0], 2) + Math.pow(x - centre[1], 2);
                    blobs += 400 * Math.exp(-d2 / (2 * 4.0 * 4.0));
                }
                frame[y * 64 + x] = (float) (100 + 0.5 * x + 0.3 * y + blobs);
            }
        }
        float[] probability;
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(ShippedModels.unet().file(), manager);
            probability = new UNetInference(loaded.network(), loaded.normalization(), manager, 64, 0)
                    .predict(new float[][] {frame}, 64, 64)[0];
        }
        StringBuilder sampled = new StringBuilder();
        for (int i = 0; i < probability.length; i += 37) {
            sampled.append(probability[i]).append('\n');
        }
        Path golden = Path.of("src/test/resources/golden/unet-default-prediction.txt");
        if (Boolean.getBoolean("neuroseg.regenerate")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, sampled);
        }
        String[] expected = Files.readString(golden).split("\n");
        String[] actual = sampled.toString().split("\n");
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.parseFloat(expected[i]), Float.parseFloat(actual[i]), 1e-6, "sample " + i);
        }
    }

    @Test
    void shippedCgruIsTheRepositoryFileAndLoads() throws Exception {
        ModelFile model = ShippedModels.cgru();
        assertEquals(CgruModelFile.ARCHITECTURE, model.architecture());
        assertArrayEquals(Files.readAllBytes(Path.of("../../models/cgru-default/cgru-default.nsmodel")),
                Files.readAllBytes(model.file()));
        try (NDManager manager = NDManager.newBaseManager()) {
            CgruModelFile.Loaded loaded = CgruModelFile.read(model.file(), manager);
            assertEquals(8, loaded.info().getAsJsonObject(CgruModelFile.ARCHITECTURE).get("hiddenChannels")
                    .getAsInt());
        }
    }
}
