package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;

class ModelReaderStageTest {

    static final Path SHIPPED_UNET = Path.of("../../models/unet-default/unet-default.nsmodel");

    @TempDir
    Path dir;

    @Test
    void shippedUNetIsTheRepositoryFileCopiedIntoTheOutputFiles() throws Exception {
        ModelFile model = read(ModelReaderStage.INSTANCE.defaults());
        assertEquals(UNetModelFile.ARCHITECTURE, model.architecture());
        assertTrue(model.file().startsWith(dir.resolve("out")), model.file().toString());
        assertArrayEquals(Files.readAllBytes(SHIPPED_UNET), Files.readAllBytes(model.file()));
    }

    @Test
    void shippedCgruIsTheShippedModelOrTheSameClearError() throws Exception {
        Parameters cgru = ModelReaderStage.INSTANCE.defaults().with("source", ModelReaderStage.SHIPPED_CGRU);
        ModelFile shipped;
        try {
            shipped = ShippedModels.cgru();
        } catch (NeurosegException missing) {
            NeurosegException error = assertThrows(NeurosegException.class, () -> read(cgru));
            assertEquals(missing.getMessage(), error.getMessage());
            assertTrue(error.getMessage().contains(ShippedModels.CGRU_DEFAULT), error.getMessage());
            return;
        }
        ModelFile model = read(cgru);
        assertEquals(CgruModelFile.ARCHITECTURE, model.architecture());
        assertArrayEquals(Files.readAllBytes(shipped.file()), Files.readAllBytes(model.file()));
    }

    @Test
    void modelFileOfEitherNetworkIsReadWithItsArchitecture() throws Exception {
        Path cgru = smallCgru(dir.resolve("mine/cgru.nsmodel"));
        ModelFile model = read(fromFile(cgru));
        assertEquals(CgruModelFile.ARCHITECTURE, model.architecture());
        assertEquals("cgru.nsmodel", model.file().getFileName().toString());
        assertArrayEquals(Files.readAllBytes(cgru), Files.readAllBytes(model.file()));
        assertEquals(UNetModelFile.ARCHITECTURE, read(fromFile(SHIPPED_UNET)).architecture());
    }

    /** Files from before the peak channel have no {@code keepsPeak}: they load as cells without it, and run. */
    @Test
    void cgruWrittenBeforeThePeakChannelLoadsWithoutIt() throws Exception {
        ConvGruConfig old = new ConvGruConfig(2, 3, false);
        byte[] parameters;
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(old);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 16, 16), new Shape(1, 2, 16, 16));
            parameters = ModelFiles.parameterBytes(block);
        }
        Path file = zip(dir.resolve("old.nsmodel"), "{\"format\":\"neuroseg-model\",\"formatVersion\":1,"
                + "\"architecture\":\"cgru\",\"cgru\":{\"hiddenChannels\":2,\"kernelSize\":3},"
                + "\"inputNormalization\":{\"method\":\"none\"}}", parameters);
        assertEquals(CgruModelFile.ARCHITECTURE, read(fromFile(file)).architecture());
        try (NDManager manager = NDManager.newBaseManager()) {
            CgruModelFile.Loaded loaded = CgruModelFile.read(file, manager);
            assertEquals(old, loaded.network().config());
            assertFalse(CgruModelFile.keepsPeak(loaded.info()));
            ConvGruBlock network = loaded.network();
            NDArray state = network.step(new ParameterStore(manager, false), manager.ones(new Shape(1, 1, 16, 16)),
                    network.initialHidden(manager, 1, 16, 16), false);
            assertEquals(new Shape(1, 2, 16, 16), state.getShape());
        }
        assertTrue(CgruModelFile.keepsPeak(CgruModelFile.readInfo(smallCgru(dir.resolve("new.nsmodel")))));
    }

    @Test
    void refusesNoFileAMissingFileAndAFileThatIsNoModel() throws Exception {
        assertMessage(ModelReaderStage.INSTANCE.defaults().with("source", ModelReaderStage.MODEL_FILE),
                "No model file chosen: set 'Model file'");
        Path missing = dir.resolve("missing.nsmodel");
        assertMessage(fromFile(missing), missing + " does not exist");
        Path text = Files.writeString(dir.resolve("notes.nsmodel"), "not a model");
        assertMessage(fromFile(text), text + " is not a NeuroSeg model");
        Path truncated = dir.resolve("truncated.nsmodel");
        byte[] whole = Files.readAllBytes(SHIPPED_UNET);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertMessage(fromFile(truncated), truncated + " is not a NeuroSeg model");
    }

    @Test
    void refusesAnUnknownArchitectureAndParametersThatDoNotFitTheNetwork() throws Exception {
        Path other = zip(dir.resolve("resnet.nsmodel"), "{\"format\":\"neuroseg-model\",\"formatVersion\":1,"
                + "\"architecture\":\"resnet\"}", new byte[16]);
        assertMessage(fromFile(other), other + " holds a network of architecture 'resnet'");
        Path noArchitecture = zip(dir.resolve("plain.nsmodel"), "{\"format\":\"neuroseg-model\"}", new byte[16]);
        assertMessage(fromFile(noArchitecture), noArchitecture + " does not say which network it holds");
        Path mixed = dir.resolve("mixed.nsmodel");
        UNetModelFile.write(mixed, UNetConfig.DEFAULT, org.neuroseg.dl.model.UNetInput.ACTIVITY, parameterStream(smallCgru(dir.resolve("c.nsmodel"))), null);
        assertMessage(fromFile(mixed), "Cannot load model file " + mixed);
        Path newer = dir.resolve("newer.nsmodel");
        zip(newer, "{\"format\":\"neuroseg-model\",\"formatVersion\":2,\"architecture\":\"unet\"}", new byte[16]);
        assertMessage(fromFile(newer), newer + " has format version 2");
    }

    private ModelFile read(Parameters parameters) throws Exception {
        PortValues outputs = ModelReaderStage.INSTANCE.run(PortValues.none(), parameters,
                StageContext.inDirectory(dir.resolve("out"), ProgressMonitor.NONE));
        return outputs.get(ModelReaderStage.MODEL);
    }

    private void assertMessage(Parameters parameters, String expected) {
        NeurosegException error = assertThrows(NeurosegException.class, () -> read(parameters));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    static Parameters fromFile(Path file) {
        return ModelReaderStage.INSTANCE.defaults().with("source", ModelReaderStage.MODEL_FILE)
                .with("file", file.toString());
    }

    /** Writes a CGRU model file with a small initialised network (2 hidden channels). */
    static Path smallCgru(Path target) throws NeurosegException {
        ConvGruConfig config = new ConvGruConfig(2, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(config);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 16, 16), new Shape(1, 2, 16, 16));
            CgruModelFile.write(target, config, ModelFiles.parameterBytes(block), null);
        }
        return target;
    }

    private static byte[] parameterStream(Path model) throws NeurosegException {
        return ModelFiles.read(model, CgruModelFile.ARCHITECTURE, "a CGRU").parameters();
    }

    private static Path zip(Path target, String info, byte[] parameters) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.putNextEntry(new ZipEntry(ModelFiles.INFO_ENTRY));
            zip.write(info.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(ModelFiles.PARAMS_ENTRY));
            zip.write(parameters);
        }
        return target;
    }
}
