/** The Morphological Refinement node. */
package org.neuroseg.knime.node.morphologicalrefinement;
