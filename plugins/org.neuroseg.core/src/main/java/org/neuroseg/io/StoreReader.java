package org.neuroseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/** NeuroSeg video stores ({@link VideoStore}), recognized by their magic bytes. */
public final class StoreReader implements VideoReader {

    @Override
    public String name() {
        return "NeuroSeg video store";
    }

    @Override
    public int priority() {
        return 300;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isRegularFile(file) && VideoStore.isStore(file);
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        return VideoStore.open(file);
    }
}
