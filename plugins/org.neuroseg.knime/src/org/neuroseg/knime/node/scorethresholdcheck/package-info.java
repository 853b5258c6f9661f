/** The Score Threshold Check node. */
package org.neuroseg.knime.node.scorethresholdcheck;
