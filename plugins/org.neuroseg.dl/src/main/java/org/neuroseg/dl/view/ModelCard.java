package org.neuroseg.dl.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.awt.BorderLayout;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.ModelFile;

/**
 * What a model file says about its network, for people: the architecture, what input it takes, what it was trained
 * on and how, its scores, and the training and validation loss of every epoch as a small plot. Every value the
 * trainer recorded is shown (values it did not know of under "Training").
 */
public final class ModelCard extends JPanel {

    /** Keys of the training record that describe the data. */
    private static final Set<String> DATA_KEYS = Set.of("videos", "trainingVideos", "validationVideos",
            "sampleFrames", "trainingFrames", "validationFrames", "testFrames", "chunkFrames", "cropSize",
            "cropsPerVideo", "batchSize", "validatedOnTrainingVideo");
    /** Keys of the training record that are scores of the network kept. */
    private static final Set<String> SCORE_KEYS = Set.of("bestEpoch", "bestValidationLoss", "bestValidationDice",
            "epochsAveraged", "testDice", "testFramesScored");
    private static final String EPOCHS = "epochs";

    private final String html;
    private final LossPlot plot;

    /**
     * @param title what the card is headed with, e.g. the model's file name
     * @param info the model file's JSON ({@link ModelFiles#readInfo(ModelFile)})
     */
    public ModelCard(String title, JsonObject info) {
        super(new BorderLayout());
        setName("Model");
        JsonObject training = info.get("training") instanceof JsonObject record ? record : new JsonObject();
        html = html(title, info, training);
        plot = lossPlot(training);
        JEditorPane text = new JEditorPane("text/html", html);
        text.setEditable(false);
        text.setCaretPosition(0);
        add(new JScrollPane(text), BorderLayout.CENTER);
        plot.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        add(plot, BorderLayout.SOUTH);
    }

    /**
     * Reads a model file's JSON (not its network) and makes its card.
     *
     * @throws NeurosegException when the file cannot be read as a U-Net or CGRU model
     */
    public static ModelCard of(ModelFile model) throws NeurosegException {
        return new ModelCard(model.file().getFileName().toString(), ModelFiles.readInfo(model));
    }

    /** @return the card's text as HTML */
    String html() {
        return html;
    }

    /** @return the plot of the losses */
    LossPlot lossPlot() {
        return plot;
    }

    /**
     * The card as plain text, for the command line: the same sections as the HTML card, one "label: value" line
     * each, and the number of epochs recorded.
     *
     * @param title what the card is headed with, e.g. the model's file name
     * @param info the model file's JSON ({@link ModelFiles#readInfo})
     */
    public static String text(String title, JsonObject info) {
        JsonObject training = info.get("training") instanceof JsonObject record ? record : new JsonObject();
        Contents contents = Contents.of(info, training);
        StringBuilder text = new StringBuilder(contents.network()).append(" model: ").append(title).append('\n');
        textSection(text, "Architecture", contents.architecture());
        textSection(text, "Input", Map.of("reads", contents.input()));
        textSection(text, "Scores", contents.scores());
        textSection(text, "Training data", contents.data());
        textSection(text, "Training", contents.settings());
        if (training.size() == 0) {
            text.append("\nNo training record: the file does not say how it was trained.\n");
        } else if (training.get(EPOCHS) instanceof JsonArray epochs) {
            text.append("\nLosses of ").append(epochs.size()).append(" epochs recorded (the Model Reader's card plots "
                    + "them).\n");
        }
        return text.toString();
    }

    /**
     * What the card shows, read from a model file's JSON.
     *
     * @param network the network's name
     * @param architecture its architecture's fields
     * @param input what it reads
     * @param scores the training record's scores of the network kept
     * @param data the training record's description of the data
     * @param settings the rest of the training record
     */
    private record Contents(String network, Map<String, String> architecture, String input,
            Map<String, String> scores, Map<String, String> data, Map<String, String> settings) {

        static Contents of(JsonObject info, JsonObject training) {
            String architecture = info.get("architecture") instanceof JsonPrimitive name ? name.getAsString() : "";
            Map<String, String> network = new LinkedHashMap<>();
            if (info.get(architecture) instanceof JsonObject section) {
                section.entrySet().forEach(entry -> network.put(label(entry.getKey()), value(entry.getValue())));
            }
            Map<String, String> data = new LinkedHashMap<>();
            Map<String, String> how = new LinkedHashMap<>();
            Map<String, String> scores = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : training.entrySet()) {
                if (!entry.getKey().equals(EPOCHS)) {
                    Map<String, String> target = DATA_KEYS.contains(entry.getKey()) ? data
                            : SCORE_KEYS.contains(entry.getKey()) ? scores : how;
                    target.put(label(entry.getKey()), value(entry.getValue()));
                }
            }
            return new Contents(networkName(architecture), network, ModelCard.input(architecture, info), scores, data,
                    how);
        }
    }

    /** Architecture, input and scores in the left column, training data and settings in the right. */
    private static String html(String title, JsonObject info, JsonObject training) {
        Contents contents = Contents.of(info, training);
        StringBuilder page = new StringBuilder("<html><body style='font-family: sans-serif; margin: 6px'>");
        page.append("<h2>").append(escape(contents.network())).append(" model: ").append(escape(title))
                .append("</h2><table><tr><td valign='top'>");
        section(page, "Architecture", contents.architecture());
        page.append("<h3>Input</h3><p>").append(escape(contents.input())).append("</p>");
        section(page, "Scores", contents.scores());
        page.append("</td><td valign='top'>");
        if (training.size() == 0) {
            page.append("<h3>Training</h3><p>No training record: the file does not say how it was trained.</p>");
        }
        section(page, "Training data", contents.data());
        section(page, "Training", contents.settings());
        return page.append("</td></tr></table></body></html>").toString();
    }

    private static void textSection(StringBuilder text, String heading, Map<String, String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append('\n');
        rows.forEach((label, value) -> text.append("  ").append(label).append(": ").append(value).append('\n'));
    }

    private static String networkName(String architecture) {
        return switch (architecture) {
            case UNetModelFile.ARCHITECTURE -> "U-Net";
            case CgruModelFile.ARCHITECTURE -> "CGRU";
            default -> architecture;
        };
    }

    private static String input(String architecture, JsonObject info) {
        String normalization = info.get("inputNormalization") instanceof JsonObject method
                && method.get("method") instanceof JsonPrimitive name ? name.getAsString() : "not recorded";
        return switch (architecture) {
            case UNetModelFile.ARCHITECTURE -> inputFrames(info) + " of " + channels(UNetModelFile.inputChannels(
                    info)) + ", normalisation " + normalization;
            case CgruModelFile.ARCHITECTURE -> "the U-Net's probability video, frames of "
                    + channels(ConvGruConfig.INPUT_CHANNELS) + ", normalisation " + normalization
                    + (CgruModelFile.keepsPeak(info) ? "; each pixel's peak so far kept beside the hidden state"
                            : "");
            default -> "normalisation " + normalization;
        };
    }

    private static String inputFrames(JsonObject info) {
        try {
            return switch (UNetModelFile.input(info)) {
                case ACTIVITY -> "activity frames";
                case EQUALIZED -> "equalized frames";
            };
        } catch (org.neuroseg.NeurosegException e) {
            return "frames of an unknown kind";
        }
    }

    private static String channels(int count) {
        return count + (count == 1 ? " channel" : " channels");
    }

    private static void section(StringBuilder page, String heading, Map<String, String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        page.append("<h3>").append(heading).append("</h3><table>");
        rows.forEach((label, value) -> page.append("<tr><td>").append(escape(label)).append("</td><td><b>")
                .append(escape(value)).append("</b></td></tr>"));
        page.append("</table>");
    }

    private static LossPlot lossPlot(JsonObject training) {
        List<JsonObject> epochs = new ArrayList<>();
        if (training.get(EPOCHS) instanceof JsonArray array) {
            array.forEach(element -> {
                if (element instanceof JsonObject epoch) {
                    epochs.add(epoch);
                }
            });
        }
        double[] trainingLosses = new double[epochs.size()];
        double[] validationLosses = new double[epochs.size()];
        for (int i = 0; i < epochs.size(); i++) {
            trainingLosses[i] = number(epochs.get(i), "trainingLoss");
            validationLosses[i] = number(epochs.get(i), "validationLoss");
        }
        double best = number(training, "bestEpoch");
        // a network averaged over epochs is no one epoch's: no epoch is marked as kept
        boolean averaged = number(training, "epochsAveraged") > 0;
        return new LossPlot(trainingLosses, validationLosses, Double.isNaN(best) || averaged ? 0 : (int) best);
    }

    private static double number(JsonObject object, String key) {
        return object.get(key) instanceof JsonPrimitive value && value.isNumber() ? value.getAsDouble() : Double.NaN;
    }

    /** @return {@code trainingFrames} as "training frames"; Dice keeps its capital */
    static String label(String key) {
        StringBuilder label = new StringBuilder();
        for (String word : key.split("(?=[A-Z])")) {
            label.append(label.length() == 0 ? "" : " ").append(word.equals("Dice") ? word : word.toLowerCase(
                    Locale.ROOT));
        }
        return label.toString();
    }

    /** @return numbers to four significant digits, lists joined, text as it is */
    static String value(JsonElement element) {
        if (element instanceof JsonPrimitive primitive) {
            if (primitive.isNumber()) {
                double number = primitive.getAsDouble();
                return new BigDecimal(number).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            }
            return primitive.getAsString();
        }
        if (element instanceof JsonArray array) {
            List<String> values = new ArrayList<>();
            array.forEach(item -> values.add(value(item)));
            return String.join(", ", values);
        }
        return String.valueOf(element);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
