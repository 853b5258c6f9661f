/** The CGRU Predictor node. */
package org.neuroseg.knime.node.cgrupredictor;
