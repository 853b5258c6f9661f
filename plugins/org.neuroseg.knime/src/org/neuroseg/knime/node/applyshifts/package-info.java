/** The Apply Shifts node. */
package org.neuroseg.knime.node.applyshifts;
