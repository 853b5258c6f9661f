/** The U-Net Predictor node. */
package org.neuroseg.knime.node.unetpredictor;
