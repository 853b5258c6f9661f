/** The Cell Outlines node. */
package org.neuroseg.knime.node.celloutlines;
