/** The CGRU Learner node. */
package org.neuroseg.knime.node.cgrulearner;
