package org.neuroseg.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.io.ReadOptions;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.video.Video;
import org.neuroseg.video.Videos;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The reader options every command that reads a video takes, one picocli mixin: the Calcium Video Reader's raw
 * layout ({@code --raw-width}, {@code --raw-height}, {@code --raw-pixel-type}, {@code --raw-byte-order},
 * {@code --raw-header-bytes}), its {@code --cell-diameter-px} (the cell diameter that size parameters left at auto
 * derive from) and {@code --frame-rate-hz}, the frame rate of videos whose file does not say (Activity Validation's
 * parameter). {@link NeurosegCommand#execute} adds the mixin to every
 * {@link VideoReadingCommand}; their stage options leave out {@link #KEYS}.
 */
final class ReaderOptions {

    /** The mixin's name in a command's spec. */
    static final String MIXIN = "reader-options";

    /** The parameter keys the mixin holds; commands leave them out of their own stage options. */
    static final Set<String> KEYS = keys();

    private ReaderOptions() {
    }

    /** A command whose videos are opened through {@link ReaderOptions#open(CommandSpec, Path)}. */
    interface VideoReadingCommand {
    }

    /** @return a new mixin holding the reader options */
    static CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        StageOptions.addTo(mixin, VideoReaderStage.INSTANCE, Set.of(VideoReaderStage.FILE.key()));
        StageOptions.addTo(mixin, ActivityValidationStage.INSTANCE, ActivityValidationStage.INSTANCE.parameters()
                .stream().map(ParamSpec::key).filter(key -> !key.equals(ActivityValidationStage.FRAME_RATE.key()))
                .collect(Collectors.toSet()));
        return mixin;
    }

    /**
     * Opens {@code file} as the Calcium Video Reader does, with the raw layout and the cell diameter the options
     * give (--cell-diameter-px replaces what the file records); a frame rate given on the command line replaces
     * the unknown rate of a file that does not say.
     */
    static Video open(CommandSpec command, Path file) throws NeurosegException {
        Video video = VideoReaderStage.open(file, StageOptions.read(command, VideoReaderStage.INSTANCE));
        Double rate = frameRateHz(command);
        return rate == null || video.frameRateHz() > 0 ? video
                : Videos.withRecording(video, video.recording().withFrameRateHz(rate));
    }

    /** @return the raw layout the options give ({@link ReadOptions#NONE} without --raw-width and --raw-height) */
    static ReadOptions readOptions(CommandSpec command) {
        return VideoReaderStage.readOptions(StageOptions.read(command, VideoReaderStage.INSTANCE));
    }

    /** @return --frame-rate-hz when given, else null */
    static Double frameRateHz(CommandSpec command) {
        String value = command.findOption(StageOptions.optionName(ActivityValidationStage.INSTANCE,
                ActivityValidationStage.FRAME_RATE, List.of(ActivityValidationStage.INSTANCE))).getValue();
        return value == null ? null : ActivityValidationStage.INSTANCE.defaults()
                .withText(ActivityValidationStage.FRAME_RATE.key(), value)
                .getDouble(ActivityValidationStage.FRAME_RATE);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>();
        VideoReaderStage.INSTANCE.parameters().forEach(spec -> keys.add(spec.key()));
        keys.add(ActivityValidationStage.FRAME_RATE.key());
        return Set.copyOf(keys);
    }
}
