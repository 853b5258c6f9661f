package org.neuroseg.cli;

import java.io.PrintWriter;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.stage.CanceledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code neuroseg} command: finds functional neurons in calcium-imaging videos. Exit codes: 0 success, 1 the
 * command failed (the reason on one line of standard error), 2 bad usage, 130 canceled.
 */
@Command(name = "neuroseg", mixinStandardHelpOptions = true, version = "neuroseg 0.1.0",
        header = "Find functional neurons in calcium-imaging videos.",
        subcommands = {GenerateCommand.class, InfoCommand.class, ConvertCommand.class, ScoreCommand.class,
            PreprocessCommand.class,
            LabelCommand.class, ProjectCommand.class, RefineCommand.class, TrackCommand.class, OutlineCommand.class,
            ValidateCommand.class,
            TrainUnetCommand.class, PredictUnetCommand.class, TrainCgruCommand.class, PredictCgruCommand.class,
            TrainCommand.class,
            RunCommand.class,
            CommandLine.HelpCommand.class})
public final class NeurosegCommand implements Runnable {

    /** Exit code when the user canceled (as shells report Ctrl-C). */
    public static final int EXIT_CANCELED = 130;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.", scope =
            CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Option(names = "--no-progress", description = "Do not draw progress bars.", scope = CommandLine.ScopeType.INHERIT)
    boolean noProgress;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** @return the command line of {@code root} with every subcommand's reader and stage options added */
    static CommandLine commandLine(NeurosegCommand root) {
        CommandLine commandLine = new CommandLine(root);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (subcommand.getCommand() instanceof ReaderOptions.VideoReadingCommand) {
                subcommand.getCommandSpec().addMixin(ReaderOptions.MIXIN, ReaderOptions.mixin());
            }
            if (subcommand.getCommand() instanceof StageOptionsCommand command) {
                command.addStageOptions(subcommand.getCommandSpec());
            }
        }
        return commandLine;
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        DjlEngine.useOffline();
        NeurosegCommand root = new NeurosegCommand();
        CommandLine commandLine = commandLine(root);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (error instanceof CanceledException) {
                err.println("neuroseg: canceled");
                return EXIT_CANCELED;
            }
            if (root.verbose) {
                error.printStackTrace(err);
            } else if (error instanceof NeurosegException || error instanceof IllegalArgumentException) {
                err.println("neuroseg: " + error.getMessage());
            } else {
                err.println("neuroseg: internal error: " + error + " (run with -v for details)");
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine.execute(args);
    }

    /** @return a progress bar for {@code task} on standard error, unless --no-progress was given */
    ConsoleProgressMonitor progress(String task) {
        return new ConsoleProgressMonitor(System.err, task, !noProgress);
    }
}
