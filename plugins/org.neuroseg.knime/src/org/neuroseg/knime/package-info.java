/**
 * The KNIME adapter: one generic node (factory, model, dialog) that runs any NeuroSeg stage from its descriptor. The
 * node factories of {@code org.neuroseg.knime.node.*} only name their stage. No algorithm code lives here.
 */
package org.neuroseg.knime;
