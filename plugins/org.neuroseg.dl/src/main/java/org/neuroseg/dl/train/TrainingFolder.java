package org.neuroseg.dl.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * A folder of more training data for a learner: every {@code NAME.nsv} in it with a {@code NAME<suffix>} beside it
 * (e.g. {@code NAME.labels.nsv}) is one more training pair.
 */
final class TrainingFolder {

    private TrainingFolder() {
    }

    /**
     * Opens every pair of the folder, in file-name order.
     *
     * @param folder the folder, or null for none
     * @param suffix what turns a video's name without {@code .nsv} into its target's name, ending in {@code .nsv}
     * @param parameter how messages name the folder parameter, e.g. {@code Folder of more training videos
     *        (moreTrainingData)}
     * @param data where the pairs are added
     * @param opened where every opened video is added, for the caller to close
     * @throws NeurosegException when the folder is not one, cannot be listed, a video lacks its target or a store
     *         cannot be opened
     */
    static void addPairs(Path folder, String suffix, String parameter, List<LabeledVideo> data, List<Video> opened)
            throws NeurosegException {
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new NeurosegException(parameter + " '" + folder + "' is not a folder");
        }
        List<Path> videos;
        try (Stream<Path> files = Files.list(folder)) {
            videos = files.filter(f -> isVideo(f.getFileName().toString(), suffix)).sorted().toList();
        } catch (IOException e) {
            throw new NeurosegException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        for (Path video : videos) {
            String name = video.getFileName().toString();
            Path target = video.resolveSibling(name.substring(0, name.length() - VideoStore.EXTENSION.length())
                    + suffix);
            if (!Files.exists(target)) {
                throw new NeurosegException("Training video " + video + " has no " + target.getFileName()
                        + " beside it");
            }
            Video frames = VideoStore.open(video);
            opened.add(frames);
            Video mask = VideoStore.open(target);
            opened.add(mask);
            data.add(new LabeledVideo(video.toString(), frames, mask));
        }
    }

    /** @return whether {@code name} is a store that is no learner's target (labels or mask) */
    private static boolean isVideo(String name, String suffix) {
        return name.endsWith(VideoStore.EXTENSION) && !name.endsWith(suffix)
                && !name.endsWith(UNetLearnerStage.LABELS_SUFFIX) && !name.endsWith(CgruLearnerStage.MASK_SUFFIX);
    }

    /** Closes videos that were only read, ignoring failures: nothing is left to do with them. */
    static void closeAll(List<Video> videos) {
        for (Video video : videos) {
            try {
                video.close();
            } catch (IOException ignored) {
                // only read; nothing to save
            }
        }
    }
}
