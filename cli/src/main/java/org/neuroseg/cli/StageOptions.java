package org.neuroseg.cli;

import java.util.Locale;
import java.util.Set;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options made from a stage's parameter specs: key {@code spikeRateHz} becomes
 * {@code --spike-rate-hz}, with the spec's description and default in the help. A command that runs two stages with
 * the same keys gives one of them a prefix: {@code learningRate} with prefix {@code cgru} becomes
 * {@code --cgru-learning-rate}.
 */
final class StageOptions {

    private StageOptions() {
    }

    /** Adds one option per parameter of {@code stage} whose key is not in {@code skipped}. */
    static void addTo(CommandSpec command, Stage stage, Set<String> skipped) {
        addTo(command, stage, skipped, "");
    }

    /** Adds one option {@code --PREFIX-KEY} per parameter of {@code stage} whose key is not in {@code skipped}. */
    static void addTo(CommandSpec command, Stage stage, Set<String> skipped, String prefix) {
        for (ParamSpec spec : stage.parameters()) {
            if (skipped.contains(spec.key())) {
                continue;
            }
            String choices = spec.choices().isEmpty() ? "" : " One of: " + String.join(", ", spec.choices()) + ".";
            command.addOption(OptionSpec.builder(optionName(spec, prefix)).type(String.class)
                    .paramLabel("<" + spec.type().name().toLowerCase(Locale.ROOT) + ">")
                    // picocli formats descriptions printf-style: a literal % must be doubled.
                    .description((spec.description() + choices + " Default: " + spec.defaultValue() + ".")
                            .replace("%", "%%"))
                    .build());
        }
    }

    /**
     * @return the stage's defaults overridden by the options given on the command line
     * @throws IllegalArgumentException naming the option's parameter when a value is invalid
     */
    static Parameters read(CommandSpec command, Stage stage) {
        return read(command, stage, "");
    }

    /**
     * @return the stage's defaults overridden by the options {@code --PREFIX-KEY} given on the command line
     * @throws IllegalArgumentException naming the option's parameter when a value is invalid
     */
    static Parameters read(CommandSpec command, Stage stage, String prefix) {
        Parameters parameters = stage.defaults();
        for (ParamSpec spec : stage.parameters()) {
            OptionSpec option = command.findOption(optionName(spec, prefix));
            if (option != null && option.getValue() != null) {
                parameters = parameters.withText(spec.key(), option.getValue());
            }
        }
        return parameters;
    }

    /** @return {@code --kebab-case} of a lowerCamelCase key, after {@code prefix-} unless the prefix is empty */
    static String optionName(ParamSpec spec, String prefix) {
        return "--" + (prefix.isEmpty() ? "" : prefix + "-")
                + spec.key().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
