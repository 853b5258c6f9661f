package org.neuroseg.dl.pipeline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.activity.ActivityEvidence;
import org.neuroseg.activity.EventDetector;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.metrics.NeuronMetrics;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.CellSizeHint;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.table.ColumnType;
import org.neuroseg.table.Table;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;

/**
 * The HTML report of a pipeline run: one self-contained page (pictures embedded as PNG data, no scripts, no
 * external files) with the video, the counts, the scores against the ground truth when there is one, the pictures,
 * the time of each step, the models and every stage parameter (values that differ from the default in bold).
 */
final class RunReport {

    private static final String STYLE = "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left}td.n{text-align:right}figure{display:inline-block;margin:0 1em 1em 0;"
            + "vertical-align:top}img{max-width:520px;border:1px solid #ccc}figcaption{font-size:90%;color:#555}";

    private final PipelineSettings settings;
    private final VideoShape shape;
    private final RecordingInfo recording;
    private final int candidates;
    private final RoiSet neurons;
    private final Table evidence;
    private final PipelineOutputs.Scored scored;
    private final List<StageTiming> timings;
    private final List<String> warnings;

    /**
     * @param evidence Activity Validation's evidence, one row per candidate ({@link ActivityEvidence})
     * @param warnings what the user should know about the run, shown first
     */
    RunReport(PipelineSettings settings, VideoShape shape, RecordingInfo recording, int candidates, RoiSet neurons,
            Table evidence, PipelineOutputs.Scored scored, List<StageTiming> timings, List<String> warnings) {
        this.settings = settings;
        this.shape = shape;
        this.recording = recording;
        this.candidates = candidates;
        this.neurons = neurons;
        this.evidence = evidence;
        this.scored = scored;
        this.timings = List.copyOf(timings);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param names file name of each picture, shown as its caption
     * @return the page
     * @throws NeurosegException when a model file can no longer be read
     */
    String html(List<String> names, List<Picture> pictures) throws NeurosegException {
        String video = settings.of(VideoReaderStage.INSTANCE).getString(VideoReaderStage.FILE);
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>NeuroSeg: " + escape(video) + "</title><style>" + STYLE + "</style></head><body>\n");
        page.append("<h1>Functional neurons in ").append(escape(video)).append("</h1>\n<p>")
                .append(escape(shape.toString())).append(", analysed ").append(LocalDateTime.now().format(
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" by NeuroSeg.</p>\n");
        for (String warning : warnings) {
            page.append("<p><strong>Warning:</strong> ").append(escape(warning)).append("</p>\n");
        }
        page.append("<p>Cell diameter: ")
                .append(String.format(Locale.ROOT, "%.1f", recording.cellDiameterPxOrDefault()))
                .append(" px").append(recording.cellDiameterPx() > 0 ? "" : " (assumed: the video records none)")
                .append("; the sizes left at auto derive from it.");
        if (neurons.size() > 0) {
            page.append(CellSizeHint.of(recording, neurons, "the Calcium Video Reader's cell diameter, "
                    + "or --cell-diameter-px").map(hint -> " " + escape(hint)).orElse(String.format(Locale.ROOT,
                    " The neurons found measure %.1f px across (median, as disks of their area).",
                    neurons.medianDiameterPx())));
        }
        page.append("</p>\n");
        table(page, List.of("result", "count"), List.of(
                List.of("cells the U-Net marks active, followed from frame to frame or from the CGRU's map "
                        + "(candidates)", Integer.toString(candidates)),
                List.of("functional neurons (candidates kept by Activity Validation)",
                        Integer.toString(neurons.size()))));
        page.append("<p>Why each candidate was kept or dropped: ").append(PipelineOutputs.ACTIVITY)
                .append(" lists how often its ΔF/F rose above and dipped below the noise band (noise alone gives a "
                        + "share of rises near 0.5, a firing neuron near 1), its largest rise and the rule that "
                        + "decided:</p>\n");
        table(page, List.of("Activity Validation's decision", "candidates"), decisionRows());
        if (scored != null) {
            page.append("<h2>Scores against the ground truth</h2>\n<p>The ground truth was moved by ")
                    .append(scored.rowsMoved()).append(" rows and ").append(scored.columnsMoved())
                    .append(" columns into the coordinates of the motion-corrected video.</p>\n");
            table(page, List.of("metric", "value"), scoreRows());
        }
        page.append("<h2>Pictures</h2>\n");
        for (int i = 0; i < pictures.size(); i++) {
            page.append("<figure><img alt=\"").append(names.get(i)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(pictures.get(i).png())).append("\"><figcaption>")
                    .append(escape(names.get(i))).append("</figcaption></figure>\n");
        }
        timingSection(page);
        modelSection(page);
        parameterSection(page);
        return page.append("</body></html>\n").toString();
    }

    /** @return per rule of Activity Validation that kept or dropped candidates, how many, in the rules' order */
    private List<List<String>> decisionRows() {
        int why = evidence.columnIndex(ActivityEvidence.WHY, ColumnType.STRING);
        Map<Object, Long> counts = evidence.rows().stream()
                .collect(Collectors.groupingBy(row -> row.get(why), Collectors.counting()));
        return Arrays.stream(EventDetector.Verdict.values()).filter(verdict -> counts.containsKey(verdict.reason()))
                .map(verdict -> List.of((verdict.kept() ? "kept: " : "dropped: ") + verdict.reason(),
                        Long.toString(counts.get(verdict.reason()))))
                .toList();
    }

    private List<List<String>> scoreRows() {
        SegmentationScore score = scored.score();
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of("pixel Dice", number(score.pixel().dice())), List.of("pixel IoU", number(score.pixel().iou())),
                List.of("pixel precision", number(score.pixel().precision())),
                List.of("pixel recall", number(score.pixel().recall()))));
        for (NeuronMetrics metrics : score.neuron()) {
            String rule = " (" + metrics.rule().label() + ")";
            rows.add(List.of("neuron F1" + rule, number(metrics.f1())));
            rows.add(List.of("neuron precision" + rule, number(metrics.precision())));
            rows.add(List.of("neuron recall" + rule, number(metrics.recall())));
            rows.add(List.of("matched / reference / predicted" + rule, metrics.matched() + " / "
                    + metrics.referenceCount() + " / " + metrics.predictedCount()));
        }
        return rows;
    }

    private void timingSection(StringBuilder page) {
        page.append("<h2>Time per step</h2>\n");
        double total = timings.stream().mapToDouble(StageTiming::seconds).sum();
        List<List<String>> rows = new ArrayList<>();
        for (StageTiming timing : timings) {
            rows.add(List.of(timing.step(), String.format(Locale.ROOT, "%.1f", timing.seconds())));
        }
        rows.add(List.of("all steps (" + String.format(Locale.ROOT, "%.1f", shape.frames() / total)
                + " frames/s; writing the results not included)", String.format(Locale.ROOT, "%.1f", total)));
        table(page, List.of("step", "seconds"), rows);
    }

    private void modelSection(StringBuilder page) throws NeurosegException {
        page.append("<h2>Models</h2>\n");
        table(page, List.of("model", "file", "architecture"), List.of(
                List.of("U-Net", settings.unet().file().getFileName().toString(), describe(
                        UNetModelFile.readInfo(settings.unet().file()), settings.unet())),
                List.of("CGRU", settings.cgru().file().getFileName().toString(), describe(
                        CgruModelFile.readInfo(settings.cgru().file()), settings.cgru())),
                List.of("U-Net workers", "", Integer.toString(settings.unetWorkers()))));
    }

    private static String describe(JsonObject info, ModelFile model) {
        JsonElement architecture = info.get(model.architecture());
        StringBuilder text = new StringBuilder();
        if (architecture != null && architecture.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : architecture.getAsJsonObject().entrySet()) {
                text.append(text.length() > 0 ? ", " : "").append(entry.getKey()).append(' ').append(entry.getValue());
            }
        }
        return text.toString();
    }

    private void parameterSection(StringBuilder page) {
        page.append("<h2>Parameters</h2>\n<p>Values that differ from the default are in bold.</p>\n");
        for (Stage stage : PipelineSettings.STAGES) {
            Parameters parameters = settings.of(stage);
            page.append("<h3>").append(escape(stage.name())).append("</h3>\n<table><tr><th>parameter</th>"
                    + "<th>key</th><th>value</th></tr>\n");
            for (ParamSpec spec : stage.parameters()) {
                Object value = parameters.get(spec);
                String text = escape(parameters.isAuto(spec) ? value + " (" + parameters.resolvedFor(recording)
                        .get(spec) + ")" : String.valueOf(value));
                page.append("<tr><td>").append(escape(spec.label())).append("</td><td>").append(spec.key())
                        .append("</td><td>").append(value.equals(spec.initialValue()) ? text : "<b>" + text + "</b>")
                        .append("</td></tr>\n");
            }
            page.append("</table>\n");
        }
    }

    private static void table(StringBuilder page, List<String> header, List<List<String>> rows) {
        page.append("<table><tr>");
        header.forEach(cell -> page.append("<th>").append(escape(cell)).append("</th>"));
        page.append("</tr>\n");
        for (List<String> row : rows) {
            page.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                boolean number = row.get(c).matches("[-0-9.]+( / [0-9]+)*");
                page.append(number ? "<td class=\"n\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** @return {@code text} with the characters HTML gives a meaning escaped */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
