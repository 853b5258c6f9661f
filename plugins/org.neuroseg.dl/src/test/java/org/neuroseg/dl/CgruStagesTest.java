package org.neuroseg.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.CgruInference;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.train.CgruLearnerStage;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Stages;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;

class CgruStagesTest {

    @TempDir
    Path dir;

    @Test
    void stagesFollowTheUNetInThePipeline() {
        List<String> ids = Stages.all().stream().map(stage -> stage.id()).toList();
        assertTrue(ids.indexOf("unet-predictor") < ids.indexOf("cgru-learner"), ids.toString());
        assertEquals(ids.indexOf("cgru-learner") + 1, ids.indexOf("cgru-predictor"), ids.toString());
    }

    @Test
    void learnerWritesAModelThePredictorTurnsIntoAOneFrameProbabilityImage() throws Exception {
        ProbabilityVideos.Sample first = ProbabilityVideos.generate(dir, 30, 1);
        ProbabilityVideos.Sample second = ProbabilityVideos.generate(dir, 30, 2);
        Path more = Files.createDirectory(dir.resolve("more"));
        Files.copy(second.probabilities(), more.resolve("second.nsv"));
        Files.copy(second.mask(), more.resolve("second" + CgruLearnerStage.MASK_SUFFIX));
        Parameters parameters = CgruLearnerStage.INSTANCE.defaults().with("hiddenChannels", 2)
                .with("chunkFrames", 10).with("cropSize", 32).with("maxEpochs", 1)
                .with("moreTrainingData", more.toString());
        ModelFile model;
        try (Video probabilities = VideoStore.open(first.probabilities()); Video mask = VideoStore.open(first.mask())) {
            model = CgruLearnerStage.INSTANCE.run(PortValues.of(CgruLearnerStage.PROBABILITIES, probabilities)
                    .with(CgruLearnerStage.MASK, mask), parameters,
                    StageContext.inDirectory(dir, ProgressMonitor.NONE)).get(CgruLearnerStage.MODEL);
        }
        assertEquals(CgruModelFile.ARCHITECTURE, model.architecture());
        assertEquals(1, CgruModelFile.readInfo(model.file()).getAsJsonObject("training").get("validationVideos")
                .getAsInt());

        Path out = Files.createDirectory(dir.resolve("out"));
        try (Video probabilities = VideoStore.open(first.probabilities());
                Video result = CgruPredictorStage.INSTANCE.run(PortValues.of(CgruPredictorStage.PROBABILITIES,
                        probabilities).with(CgruPredictorStage.MODEL, model),
                        CgruPredictorStage.INSTANCE.defaults(), StageContext.inDirectory(out, ProgressMonitor.NONE))
                        .get(CgruPredictorStage.FUNCTIONAL_PROBABILITY)) {
            assertEquals(new VideoShape(1, 64, 64, PixelType.FLOAT32), result.shape());
            float[] image = new float[64 * 64];
            result.readFrame(0, image);
            // The stage's image is the trained network's state after every frame, in order.
            float[] expected;
            try (NDManager manager = DjlEngine.get().newBaseManager();
                    CgruInference inference = new CgruInference(CgruModelFile.read(model.file(), manager).network(),
                            manager, 64, 64, 1024, 32)) {
                float[] frame = new float[64 * 64];
                for (int t = 0; t < probabilities.shape().frames(); t++) {
                    probabilities.readFrame(t, frame);
                    inference.push(frame);
                }
                expected = inference.probability();
            }
            assertArrayEquals(expected, image, 1e-6f);
            double spread = 0;
            for (float p : image) {
                spread = Math.max(spread, Math.abs(p - image[0]));
            }
            assertTrue(spread > 1e-3, "the image is flat");
        }
    }

    @Test
    void learnerRejectsLabelsOfAnotherLengthAndPredictorAnotherArchitecture() throws Exception {
        ProbabilityVideos.Sample sample = ProbabilityVideos.generate(dir, 5, 3);
        try (Video probabilities = VideoStore.open(sample.probabilities())) {
            int pixels = probabilities.shape().pixelsPerFrame();
            Video twoFrames = new ArrayVideo(probabilities.shape().height(), probabilities.shape().width(),
                    PixelType.FLOAT32, 10, new float[pixels], new float[pixels]);
            NeurosegException error = assertThrows(NeurosegException.class,
                    () -> CgruLearnerStage.INSTANCE.run(PortValues.of(CgruLearnerStage.PROBABILITIES, probabilities)
                    .with(CgruLearnerStage.MASK, twoFrames), CgruLearnerStage.INSTANCE.defaults(),
                    StageContext.inDirectory(dir, ProgressMonitor.NONE)));
            assertTrue(error.getMessage().contains("have 2 frames; expected 1 (one mask for all frames) or 5 (one per "
                    + "frame)"), error.getMessage());
            Path notCgru = dir.resolve("unet.nsmodel");
            org.neuroseg.dl.model.UNetModelFile.write(notCgru, org.neuroseg.dl.model.UNetConfig.DEFAULT, org.neuroseg.dl.model.UNetInput.ACTIVITY,
                    new byte[0], null);
            error = assertThrows(NeurosegException.class,
                    () -> CgruPredictorStage.INSTANCE.run(PortValues.of(CgruPredictorStage.PROBABILITIES, probabilities)
                    .with(CgruPredictorStage.MODEL, new ModelFile(notCgru, "unet")),
                    CgruPredictorStage.INSTANCE.defaults(),
                    StageContext.inDirectory(dir, ProgressMonitor.NONE)));
            assertTrue(error.getMessage().contains(notCgru.toString()) && error.getMessage().contains("CGRU"),
                    error.getMessage());
        }
    }
}
