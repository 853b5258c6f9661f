package org.neuroseg.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command whose options include those made from stage parameters ({@link StageOptions}). */
interface StageOptionsCommand {

    /** Adds the stage options to the command; {@link NeurosegCommand#execute} calls it before parsing. */
    void addStageOptions(CommandSpec command);
}
