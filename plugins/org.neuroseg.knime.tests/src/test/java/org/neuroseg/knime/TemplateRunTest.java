package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.model.ModelReaderStage;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Traces;
import org.neuroseg.synthetic.SyntheticVideoStage;
import org.neuroseg.table.Table;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;

/**
 * Runs the workflow templates through their core stages ({@link PipelineRunner}) with their workflow variables set
 * as a user would. "Train on my videos" and "segment with shipped models", on a small simulated video: the training
 * template writes both model files, and the segmentation template, its Model Reader set to the trained U-Net, writes
 * the neurons and gives traces and raster for every frame; training is shortened (tiny networks, one epoch), so this
 * checks the wiring, not the accuracy. "Compare with projections" must show what it is for: Activity Validation's
 * neurons ahead of both projections (measured neuron F1 0.866 against 0.239 and 0.600).
 */
class TemplateRunTest {

    private static final int FRAMES = 60;

    @TempDir
    Path dir;

    @Test
    void trainTemplateWritesModelsThatTheSegmentTemplateUses() throws Exception {
        Path video = simulatedVideo();
        Path unet = dir.resolve("models/my-unet.nsmodel");
        Path cgru = dir.resolve("models/my-cgru.nsmodel");
        Pipeline train = withSettings(template("train-on-my-videos"), Map.of(
                "unet-learner", Map.of("baseChannels", "2", "depth", "2", "sampleFrames", "20", "cropSize", "32",
                        "batchSize", "2", "maxEpochs", "1"),
                "cgru-learner", Map.of("hiddenChannels", "2", "chunkFrames", "20", "cropSize", "32",
                        "cropsPerVideo", "1", "maxEpochs", "1")));
        PipelineRunner.run(train, Map.of("inputFile", video.toString(), "unetModelFile", unet.toString(),
                "cgruModelFile", cgru.toString()), dir.resolve("train"), outputs -> {
                    assertEquals(List.of(), outputs.get(8));
                    assertEquals(List.of(), outputs.get(9));
                });
        assertEquals("unet", modelRead(unet).architecture());
        assertEquals("cgru", modelRead(cgru).architecture());

        Path results = dir.resolve("results");
        Pipeline segment = withSettings(template("segment-with-shipped-models"), Map.of());
        segment = withNodeSettings(segment, 4, Map.of("source", "model file", "file", unet.toString()));
        PipelineRunner.run(segment, Map.of("inputFile", video.toString(), "outputFolder", results.toString()),
                dir.resolve("segment"), outputs -> {
                    // the candidates Activity Validation measures: Cell Outlines' (it drops and splits cells)
                    RoiSet candidates = (RoiSet) outputs.get(13).get(0);
                    Traces traces = (Traces) outputs.get(10).get(0);
                    Raster raster = (Raster) outputs.get(10).get(1);
                    RoiSet kept = (RoiSet) outputs.get(10).get(2);
                    Table evidence = (Table) outputs.get(10).get(5);
                    assertEquals(kept.size(), traces.neuronIds().length);
                    assertEquals(FRAMES, raster.frames());
                    assertEquals(kept.size(), raster.neuronIds().length);
                    assertEquals(candidates.size(), evidence.rows().size());
                    assertTrue(kept.size() <= candidates.size());
                    assertEquals(64, ((Video) outputs.get(7).get(0)).shape().width());
                });
        for (String file : List.of("neurons_labels.tif", "neurons_regions.json", "neurons_RoiSet.zip")) {
            assertTrue(Files.isRegularFile(results.resolve(file)), file);
        }
    }

    @Test
    void compareTemplateShowsActivityValidationFarAheadOfBothProjections() throws Exception {
        Map<Integer, Double> f1 = new HashMap<>();
        PipelineRunner.run(template("compare-with-projections"), Map.of(), dir.resolve("compare"), outputs -> {
            for (int scorer : List.of(3, 5, 7)) {
                f1.put(scorer, ((SegmentationScore) outputs.get(scorer).get(0)).neuron(MatchingRule.IOU_HUNGARIAN)
                        .f1());
            }
        });
        System.out.printf("compare-with-projections: neuron F1 max %.3f, mean %.3f, validated cells %.3f%n",
                f1.get(3), f1.get(5), f1.get(7));
        assertTrue(f1.get(7) >= Math.max(f1.get(3), f1.get(5)) + 0.25, f1.toString());
    }

    private Path simulatedVideo() throws Exception {
        Parameters parameters = SyntheticVideoStage.INSTANCE.defaults().with("width", 64).with("height", 64)
                .with("frames", FRAMES).with("neuronCount", 15).with("seed", 5L);
        try (FileVideo video = (FileVideo) SyntheticVideoStage.INSTANCE.run(PortValues.none(), parameters,
                StageContext.inDirectory(dir.resolve("simulated"), ProgressMonitor.NONE))
                .get(SyntheticVideoStage.VIDEO)) {
            return video.file();
        }
    }

    private ModelFile modelRead(Path file) throws Exception {
        Parameters parameters = ModelReaderStage.INSTANCE.defaults().with("source", "model file")
                .with("file", file.toString());
        return ModelReaderStage.INSTANCE.run(PortValues.none(), parameters,
                StageContext.inDirectory(dir.resolve("check"), ProgressMonitor.NONE)).get(ModelReaderStage.MODEL);
    }

    private static Pipeline template(String name) throws Exception {
        return Pipeline.read(NodeNames.root().resolve("workflows").resolve(name).resolve("pipeline.json"));
    }

    /** @return the pipeline with extra settings for every node of the given stages */
    private static Pipeline withSettings(Pipeline pipeline, Map<String, Map<String, String>> byStage) {
        Pipeline result = pipeline;
        for (Pipeline.Node node : pipeline.nodes()) {
            Map<String, String> extra = byStage.get(node.stage().id());
            if (extra != null) {
                result = withNodeSettings(result, node.id(), extra);
            }
        }
        return result;
    }

    private static Pipeline withNodeSettings(Pipeline pipeline, int id, Map<String, String> extra) {
        List<Pipeline.Node> nodes = new ArrayList<>();
        for (Pipeline.Node n : pipeline.nodes()) {
            Map<String, String> settings = new HashMap<>(n.settings());
            if (n.id() == id) {
                settings.putAll(extra);
            }
            nodes.add(new Pipeline.Node(n.id(), n.stage(), n.knimeFactory(), n.name(), n.bundle(), n.x(), n.y(),
                    settings, n.variables()));
        }
        return new Pipeline(pipeline.description(), pipeline.workflowVariables(), nodes,
                pipeline.connections());
    }
}
