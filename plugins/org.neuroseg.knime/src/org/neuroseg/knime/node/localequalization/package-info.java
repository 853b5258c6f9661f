/** The Local Equalization node. */
package org.neuroseg.knime.node.localequalization;
