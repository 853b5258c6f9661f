/** The Synthetic Video Generator node. */
package org.neuroseg.knime.node.syntheticvideo;
