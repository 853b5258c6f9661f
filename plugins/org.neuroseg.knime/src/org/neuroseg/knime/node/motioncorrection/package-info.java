/** The Motion Correction node. */
package org.neuroseg.knime.node.motioncorrection;
