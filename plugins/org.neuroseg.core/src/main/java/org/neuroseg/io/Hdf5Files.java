package org.neuroseg.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;

/** Opening HDF5 files with jhdf and finding their datasets, with errors that name the file. */
final class Hdf5Files {

    /** The HDF5 format signature, at byte 0 or after a user block of 512, 1024, 2048, ... bytes. */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final long[] SIGNATURE_OFFSETS = {0, 512, 1024, 2048, 4096, 8192};

    private Hdf5Files() {
    }

    /** @return true when {@code file} carries the HDF5 signature where HDF5 puts it; never throws */
    static boolean isHdf5(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long offset : SIGNATURE_OFFSETS) {
                ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
                TiffParser.readFully(channel, head, offset);
                if (!head.hasRemaining() && ByteBuffer.wrap(SIGNATURE).equals(head.flip())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens an HDF5 file and checks that it is as long as its superblock says.
     *
     * @throws NeurosegException when the file cannot be opened, is truncated or its structure cannot be read
     */
    static HdfFile open(Path file) throws NeurosegException {
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
        try {
            long declared = hdf.getHdfBackingStorage().getSuperblock().getBaseAddressByte()
                    + hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            long size = Files.size(file);
            if (size < declared) {
                throw new NeurosegException(file + " is truncated: its HDF5 superblock says the file ends at byte "
                        + declared + ", but it holds " + size + " bytes");
            }
            return hdf;
        } catch (NeurosegException | RuntimeException | IOException e) {
            hdf.close();
            throw e instanceof NeurosegException ne ? ne : unreadable(file, e);
        }
    }

    /** @return the error for a file whose HDF5 structure jhdf could not read */
    static NeurosegException unreadable(Path file, Exception e) {
        return new NeurosegException(file + " cannot be read as HDF5 (truncated or corrupt?): " + e.getMessage(), e);
    }

    /** @return every 3-D dataset in {@code group} and the groups below it, by path; links are followed once */
    static List<Dataset> datasets3d(Group group) {
        List<Dataset> found = new ArrayList<>();
        collect(group, found, new HashSet<>());
        return found;
    }

    private static void collect(Group group, List<Dataset> found, Set<Long> seen) {
        for (Node node : group.getChildren().values()) {
            if (!seen.add(node.getAddress())) {
                continue;
            }
            if (node instanceof Group child) {
                collect(child, found, seen);
            } else if (node instanceof Dataset dataset && dataset.getDimensions().length == 3) {
                found.add(dataset);
            }
        }
    }

    /** @return "/path (5 x 9 x 11 uint16)" for messages */
    static String describe(Dataset dataset) {
        int[] dims = dataset.getDimensions();
        String shape = dims.length == 0 ? "scalar" : Arrays.stream(dims).mapToObj(Integer::toString)
                .collect(Collectors.joining(" x "));
        return dataset.getPath() + " (" + shape + " " + Hdf5Video.typeName(dataset) + ")";
    }

    /** @return the datasets as "/a (...), /b (...)" */
    static String describe(List<Dataset> datasets) {
        return datasets.stream().map(Hdf5Files::describe).collect(Collectors.joining(", "));
    }

    /** @return the attribute as text (HDF5 strings, scalar or one-element arrays), or null when absent */
    static String text(Node node, String name) {
        Attribute attribute = node.getAttribute(name);
        if (attribute == null) {
            return null;
        }
        Object value = attribute.getData();
        if (value instanceof String[] values && values.length == 1) {
            value = values[0];
        }
        if (value instanceof byte[] bytes) {
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** @return the attribute as a number (scalar or one-element array), or NaN when absent or not a number */
    static double number(Node node, String name) {
        Attribute attribute = node.getAttribute(name);
        Object value = attribute == null ? null : attribute.getData();
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            value = Array.get(value, 0);
        }
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
