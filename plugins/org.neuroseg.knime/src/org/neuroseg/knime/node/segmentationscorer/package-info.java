/** The Segmentation Scorer node. */
package org.neuroseg.knime.node.segmentationscorer;
