/** The Mask Combiner node. */
package org.neuroseg.knime.node.maskcombiner;
