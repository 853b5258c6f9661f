/** The Model Writer node. */
package org.neuroseg.knime.node.modelwriter;
