/**
 * Synthetic calcium-imaging videos with known ground truth: neuron footprints, spike trains, calcium traces,
 * structured one-photon background, vignetting, camera noise and brain motion. Videos use axis order (T, Y, X).
 * Start from {@link org.neuroseg.synthetic.SyntheticParams#epifluorescence()} or
 * {@link org.neuroseg.synthetic.SyntheticParams#twoPhoton()} and call
 * {@link org.neuroseg.synthetic.SyntheticVideoGenerator#generate}.
 */
package org.neuroseg.synthetic;
