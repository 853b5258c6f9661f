package org.neuroseg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of a command that reads one video and writes into a folder (a picocli mixin). */
final class VideoAndOutputFolder {

    @Parameters(paramLabel = "VIDEO", description = "Video file or folder of TIFFs.")
    Path video;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;
}
