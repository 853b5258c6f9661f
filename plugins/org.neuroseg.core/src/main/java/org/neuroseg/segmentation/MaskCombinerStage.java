package org.neuroseg.segmentation;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Mask Combiner: the pixel-wise maximum of two masks, as the paper combines the masks of the videos of one
 * experiment. Two inputs keep the node simple; for more masks, chain combiners (the maximum is associative and
 * commutative, so the order does not matter).
 */
public final class MaskCombinerStage implements Stage {

    /** The stage. */
    public static final MaskCombinerStage INSTANCE = new MaskCombinerStage();

    public static final PortSpec<Video> MASK_1 = PortSpec.image("Mask 1", "A mask or probability image.");
    public static final PortSpec<Video> MASK_2 = PortSpec.image("Mask 2", "Another, of the same size.");
    public static final PortSpec<Video> COMBINED_MASK = PortSpec.image("Combined mask",
            "The pixel-wise maximum of the two.");

    private MaskCombinerStage() {
    }

    @Override
    public String id() {
        return "mask-combiner";
    }

    @Override
    public String name() {
        return "Mask Combiner";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Combines two masks by their pixel-wise maximum.";
    }

    @Override
    public String description() {
        return "Takes the pixel-wise maximum of two masks or probability images of the same field of view, e.g. the "
                + "masks of two videos of one experiment. Chain several combiners for more masks. The result keeps "
                + "the inputs' pixel type when they share one, and is float otherwise.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(MASK_1, MASK_2);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(COMBINED_MASK);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        Video first = inputs.get(MASK_1);
        Video second = inputs.get(MASK_2);
        VideoShape a = first.shape();
        VideoShape b = second.shape();
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new NeurosegException("'Mask 1' is " + a.height() + " x " + a.width() + " pixels but 'Mask 2' is "
                    + b.height() + " x " + b.width() + ": combine masks of the same field of view");
        }
        float[] combined = Images.read(first, "Mask 1");
        float[] other = Images.read(second, "Mask 2");
        for (int i = 0; i < combined.length; i++) {
            combined[i] = Math.max(combined[i], other[i]);
        }
        PixelType type = a.pixelType() == b.pixelType() ? a.pixelType() : PixelType.FLOAT32;
        context.monitor().setProgress(1, null);
        // the combined mask keeps the cell diameter one of the masks records, for Refinement's auto sizes
        return PortValues.of(COMBINED_MASK, Images.write(context, "combined_mask", combined, a.height(), a.width(),
                type, first.recording().cellDiameterPx() > 0 ? first.recording() : second.recording()));
    }
}
