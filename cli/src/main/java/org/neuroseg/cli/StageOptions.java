package org.neuroseg.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options made from a stage's parameter specs: key {@code spikeRateHz} becomes
 * {@code --spike-rate-hz}, with the spec's description and default in the help.
 */
final class StageOptions {

    private StageOptions() {
    }

    /** Adds one option per parameter of {@code stage} whose key is not in {@code skipped}. */
    static void addTo(CommandSpec command, Stage stage, Set<String> skipped) {
        addTo(command, List.of(stage), skipped);
    }

    /**
     * Adds the options of several stages to one command. A key that more than one of the stages has becomes an
     * option per stage, prefixed with the stage's id ({@code tileSize} of the U-Net and CGRU Predictors:
     * {@code --unet-predictor-tile-size} and {@code --cgru-predictor-tile-size}); read them back with
     * {@link #read(CommandSpec, Stage, List)}.
     */
    static void addTo(CommandSpec command, List<Stage> stages, Set<String> skipped) {
        for (Stage stage : stages) {
            for (ParamSpec spec : stage.parameters()) {
                if (skipped.contains(spec.key())) {
                    continue;
                }
                String choices = spec.choices().isEmpty() ? "" : " One of: " + String.join(", ", spec.choices())
                        + ".";
                if (spec.cellScaling() != null) {
                    choices = " " + spec.autoDescription() + " A number replaces it.";
                }
                command.addOption(OptionSpec.builder(optionName(stage, spec, stages)).type(String.class)
                        .paramLabel("<" + spec.type().name().toLowerCase(Locale.ROOT) + ">")
                        // picocli formats descriptions printf-style: a literal % must be doubled.
                        .description((spec.description() + choices + " Default: " + spec.initialValue() + ".")
                                .replace("%", "%%"))
                        .build());
            }
        }
    }

    /**
     * @return the stage's defaults overridden by the options given on the command line
     * @throws IllegalArgumentException naming the option's parameter when a value is invalid
     */
    static Parameters read(CommandSpec command, Stage stage) {
        return read(command, stage, List.of(stage));
    }

    /**
     * @param stages the stages whose options were added together ({@link #addTo(CommandSpec, List, Set)})
     * @return the stage's defaults overridden by the options given on the command line
     * @throws IllegalArgumentException naming the option's parameter when a value is invalid, or the parameters
     *         when they do not fit together ({@link Stage#checkParameters})
     */
    static Parameters read(CommandSpec command, Stage stage, List<Stage> stages) {
        Parameters parameters = stage.defaults();
        for (ParamSpec spec : stage.parameters()) {
            OptionSpec option = command.findOption(optionName(stage, spec, stages));
            if (option != null && option.getValue() != null) {
                parameters = parameters.withText(spec.key(), option.getValue());
            }
        }
        stage.checkParameters(parameters);
        return parameters;
    }

    /** @return {@code --kebab-case} of the key, prefixed with the stage id when another of the stages has it */
    static String optionName(Stage stage, ParamSpec spec, List<Stage> stages) {
        long owners = stages.stream().filter(other -> other.parameters().stream()
                .anyMatch(candidate -> candidate.key().equals(spec.key()))).count();
        String kebab = spec.key().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return owners > 1 ? "--" + stage.id() + "-" + kebab : "--" + kebab;
    }
}
