/** The U-Net Learner node. */
package org.neuroseg.knime.node.unetlearner;
