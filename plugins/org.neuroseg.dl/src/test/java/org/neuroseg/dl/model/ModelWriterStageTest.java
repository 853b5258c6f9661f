package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;

class ModelWriterStageTest {

    @TempDir
    Path dir;

    @Test
    void readerThenWriterGiveTheSameBytesForBothNetworks() throws Exception {
        Path cgru = ModelReaderStageTest.smallCgru(dir.resolve("trained/cgru.nsmodel"));
        for (Path original : List.of(cgru, ModelReaderStageTest.SHIPPED_UNET)) {
            ModelFile read = ModelReaderStage.INSTANCE.run(PortValues.none(),
                    ModelReaderStageTest.fromFile(original), context("reader")).get(ModelReaderStage.MODEL);
            Path written = dir.resolve("saved/new folder/" + read.architecture() + ".nsmodel");
            write(read, written, false);
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(written), original.toString());
            ModelFile again = ModelReaderStage.INSTANCE.run(PortValues.none(),
                    ModelReaderStageTest.fromFile(written), context("again")).get(ModelReaderStage.MODEL);
            assertEquals(read.architecture(), again.architecture());
        }
        try (Stream<Path> files = Files.list(dir.resolve("saved/new folder"))) {
            assertEquals(List.of("cgru.nsmodel", "unet.nsmodel"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no partial files left");
        }
    }

    @Test
    void keepsAnExistingFileUnlessOverwriteIsChosen() throws Exception {
        ModelFile model = new ModelFile(ModelReaderStageTest.smallCgru(dir.resolve("cgru.nsmodel")), "cgru");
        Path target = Files.writeString(dir.resolve("precious.nsmodel"), "an older model");
        NeurosegException error = assertThrows(NeurosegException.class, () -> write(model, target, false));
        assertTrue(error.getMessage().contains(target + " exists; tick 'Overwrite existing file'"),
                error.getMessage());
        assertEquals("an older model", Files.readString(target));
        write(model, target, true);
        assertArrayEquals(Files.readAllBytes(model.file()), Files.readAllBytes(target));
    }

    @Test
    void refusesNoFileAFolderAndAModelWithoutFile() throws Exception {
        ModelFile model = new ModelFile(ModelReaderStageTest.smallCgru(dir.resolve("cgru.nsmodel")), "cgru");
        NeurosegException error = assertThrows(NeurosegException.class,
                () -> ModelWriterStage.INSTANCE.run(PortValues.of(ModelWriterStage.MODEL, model),
                ModelWriterStage.INSTANCE.defaults(), context("w")));
        assertEquals("No model file chosen: set 'Model file'", error.getMessage());
        error = assertThrows(NeurosegException.class, () -> write(model, dir, true));
        assertTrue(error.getMessage().contains("is the folder " + dir + "; give a file name"), error.getMessage());
        Path gone = dir.resolve("gone.nsmodel");
        error = assertThrows(NeurosegException.class, () -> write(new ModelFile(gone, "unet"),
                dir.resolve("out.nsmodel"), true));
        assertTrue(error.getMessage().contains("has no file (" + gone + ")"), error.getMessage());
        assertTrue(Files.notExists(dir.resolve("out.nsmodel")));
    }

    private void write(ModelFile model, Path target, boolean overwrite) throws Exception {
        Parameters parameters = ModelWriterStage.INSTANCE.defaults().with("file", target.toString())
                .with("overwrite", overwrite);
        assertEquals(List.of(), ModelWriterStage.INSTANCE.run(PortValues.of(ModelWriterStage.MODEL, model),
                parameters, context("writer")).all());
    }

    private StageContext context(String name) {
        return StageContext.inDirectory(dir.resolve(name), ProgressMonitor.NONE);
    }
}
