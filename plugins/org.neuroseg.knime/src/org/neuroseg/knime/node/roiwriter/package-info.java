/** The ROI Writer node. */
package org.neuroseg.knime.node.roiwriter;
