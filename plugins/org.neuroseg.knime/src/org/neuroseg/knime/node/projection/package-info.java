/** The Projection node. */
package org.neuroseg.knime.node.projection;
