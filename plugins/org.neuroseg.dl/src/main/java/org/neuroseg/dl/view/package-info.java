/**
 * Swing views of models: {@link org.neuroseg.dl.view.ModelCard} shows what a model file records (architecture,
 * input, training data, scores, losses per epoch). Free of KNIME; the adapter returns it as the model port's view.
 */
package org.neuroseg.dl.view;
