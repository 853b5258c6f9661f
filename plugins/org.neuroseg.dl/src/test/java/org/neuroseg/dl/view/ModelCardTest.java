package org.neuroseg.dl.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.ModelFile;

class ModelCardTest {

    private static final double[] TRAINING = {0.9, 0.5, 0.3};
    private static final double[] VALIDATION = {0.7, 0.2, 0.1};

    @TempDir
    Path folder;

    @Test
    void plotsTheLossesOfEveryEpochOfATinyModelFile() throws Exception {
        ModelCard card = ModelCard.of(UNetModelFile.write(folder.resolve("tiny.nsmodel"),
                new UNetConfig(2, 4, List.of(1, 2), 1, 1), org.neuroseg.dl.model.UNetInput.ACTIVITY, new byte[0],
                training()));
        LossPlot plot = card.lossPlot();
        assertArrayEquals(TRAINING, plot.trainingLosses());
        assertArrayEquals(VALIDATION, plot.validationLosses());
        plot.setSize(400, 200);
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        plot.paint(g);
        g.dispose();
        for (int epoch = 1; epoch <= TRAINING.length; epoch++) {
            assertColour(LossPlot.TRAINING, image, plot.point(epoch, TRAINING[epoch - 1]), "training", epoch);
            assertColour(LossPlot.VALIDATION, image, plot.point(epoch, VALIDATION[epoch - 1]), "validation", epoch);
        }
        Point2D above = plot.point(2, 0.5 * (TRAINING[1] + TRAINING[0]));
        assertEquals(0xFFFFFF, image.getRGB((int) above.getX(), (int) above.getY()) & 0xFFFFFF,
                "nothing drawn away from the lines");
    }

    @Test
    void aNetworkAveragedOverEpochsIsNoOneEpochs() throws Exception {
        JsonObject training = training();
        assertEquals(3, new ModelCard("best epoch", unetInfo(training)).lossPlot().keptEpoch());
        training.addProperty("epochsAveraged", 2);
        ModelCard card = new ModelCard("averaged", unetInfo(training));
        assertEquals(0, card.lossPlot().keptEpoch(), "no epoch marked as kept");
        assertTrue(card.html().contains("<tr><td>epochs averaged</td><td><b>2</b></td></tr>"), card.html());
        assertTrue(card.html().indexOf("epochs averaged") > card.html().indexOf("<h3>Scores</h3>"), card.html());
    }

    private JsonObject unetInfo(JsonObject training) throws Exception {
        return ModelFiles.readInfo(UNetModelFile.write(folder.resolve("tiny.nsmodel"), new UNetConfig(2, 4,
                List.of(1, 2), 1, 1), org.neuroseg.dl.model.UNetInput.ACTIVITY, new byte[0], training));
    }

    @Test
    void statesArchitectureInputTrainingDataAndScores() throws Exception {
        ModelCard card = ModelCard.of(UNetModelFile.write(folder.resolve("tiny.nsmodel"),
                new UNetConfig(2, 4, List.of(1, 2), 3, 1), org.neuroseg.dl.model.UNetInput.ACTIVITY, new byte[0],
                training()));
        String html = card.html();
        assertTrue(html.contains("<h2>U-Net model: tiny.nsmodel</h2>"), html);
        assertTrue(html.contains("<tr><td>depth</td><td><b>2</b></td></tr>"), html);
        assertTrue(html.contains("<tr><td>aspp rates</td><td><b>1, 2</b></td></tr>"), html);
        assertTrue(html.contains("activity frames of 3 channels, normalisation frame-robust"), html);
        assertTrue(html.contains("<h3>Training data</h3><table><tr><td>videos</td><td><b>2</b></td></tr>"
                + "<tr><td>training frames</td><td><b>40</b></td></tr></table>"), html);
        assertTrue(html.contains("<tr><td>learning rate</td><td><b>0.001</b></td></tr>"), html);
        assertTrue(html.contains("<h3>Scores</h3><table><tr><td>best epoch</td><td><b>3</b></td></tr>"
                + "<tr><td>test Dice</td><td><b>0.9384</b></td></tr></table>"), html);
        assertFalse(html.contains("epochs</td>"), "the epochs are plotted, not listed");
    }

    @Test
    void textHoldsTheSameSectionsForTheCommandLine() throws Exception {
        ModelFile model = UNetModelFile.write(folder.resolve("tiny.nsmodel"), new UNetConfig(2, 4, List.of(1, 2), 3,
                1), org.neuroseg.dl.model.UNetInput.ACTIVITY, new byte[0], training());
        String text = ModelCard.text("tiny.nsmodel", UNetModelFile.readInfo(model.file()));
        assertTrue(text.startsWith("U-Net model: tiny.nsmodel\n\nArchitecture\n"), text);
        assertTrue(text.contains("\n  depth: 2\n"), text);
        assertTrue(text.contains("\nInput\n  reads: activity frames of 3 channels, normalisation frame-robust\n"),
                text);
        assertTrue(text.contains("\nScores\n  best epoch: 3\n  test Dice: 0.9384\n"), text);
        assertTrue(text.contains("\nTraining data\n  videos: 2\n  training frames: 40\n"), text);
        assertTrue(text.endsWith("Losses of 3 epochs recorded (the Model Reader's card plots them).\n"), text);
        String untrained = ModelCard.text("c.nsmodel", CgruModelFile.readInfo(CgruModelFile.write(folder.resolve(
                "c.nsmodel"), new ConvGruConfig(8, 3), new byte[0], null).file()));
        assertTrue(untrained.contains("  keeps peak: true\n"), untrained);
        assertTrue(untrained.endsWith("No training record: the file does not say how it was trained.\n"), untrained);
    }

    @Test
    void showsACgruModelAndSaysWhenThereIsNoTrainingRecord() throws Exception {
        ModelCard card = ModelCard.of(CgruModelFile.write(folder.resolve("c.nsmodel"), new ConvGruConfig(8, 3),
                new byte[0], null));
        assertTrue(card.html().contains("<h2>CGRU model: c.nsmodel</h2>"), card.html());
        assertTrue(card.html().contains("the U-Net's probability video, frames of 1 channel, normalisation none"),
                card.html());
        assertTrue(card.html().contains("No training record"), card.html());
        assertEquals(0, card.lossPlot().trainingLosses().length);
    }

    @Test
    void showsTheShippedUNetWithAllItsEpochs() throws Exception {
        ModelFile shipped = ShippedModels.unet();
        JsonObject info = UNetModelFile.readInfo(shipped.file());
        JsonArray epochs = info.getAsJsonObject("training").getAsJsonArray("epochs");
        double[] plotted = ModelCard.of(shipped).lossPlot().trainingLosses();
        assertEquals(epochs.size(), plotted.length);
        assertEquals(epochs.get(epochs.size() - 1).getAsJsonObject().get("trainingLoss").getAsDouble(),
                plotted[plotted.length - 1]);
    }

    @Test
    void refusesAnUnknownArchitectureNamingTheFile() {
        ModelFile model = new ModelFile(folder.resolve("x.nsmodel"), "resnet");
        NeurosegException e = assertThrows(NeurosegException.class, () -> ModelCard.of(model));
        assertEquals("Model file " + model.file() + " holds a network of architecture 'resnet'; NeuroSeg reads "
                + "U-Net ('unet') and CGRU ('cgru') models", e.getMessage());
    }

    @Test
    void labelsAndValuesReadAsWords() {
        assertEquals("best validation Dice", ModelCard.label("bestValidationDice"));
        assertEquals("0.01714", ModelCard.value(JsonParser.parseString("0.01714238402247429")));
        assertEquals("1500", ModelCard.value(JsonParser.parseString("1500")));
        assertEquals("824.9", ModelCard.value(JsonParser.parseString("824.880827356")));
    }

    private static void assertColour(Color expected, BufferedImage image, Point2D point, String series,
            int epoch) {
        int rgb = image.getRGB((int) Math.round(point.getX()), (int) Math.round(point.getY())) & 0xFFFFFF;
        assertEquals(expected.getRGB() & 0xFFFFFF, rgb, series + " loss of epoch " + epoch + " at " + point);
    }

    private static JsonObject training() {
        JsonObject training = new JsonObject();
        training.addProperty("videos", 2);
        training.addProperty("trainingFrames", 40);
        training.addProperty("learningRate", 0.001);
        training.addProperty("bestEpoch", 3);
        training.addProperty("testDice", 0.938353552102379);
        JsonArray epochs = new JsonArray();
        for (int i = 0; i < TRAINING.length; i++) {
            JsonObject epoch = new JsonObject();
            epoch.addProperty("epoch", i + 1);
            epoch.addProperty("trainingLoss", TRAINING[i]);
            epoch.addProperty("validationLoss", VALIDATION[i]);
            epochs.add(epoch);
        }
        training.add("epochs", epochs);
        return training;
    }
}
