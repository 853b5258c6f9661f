/** The Calcium Video Reader node. */
package org.neuroseg.knime.node.videoreader;
