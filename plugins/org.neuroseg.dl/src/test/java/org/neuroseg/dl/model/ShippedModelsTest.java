package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
            assertEquals(4, loaded.network().config().baseChannels());
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
