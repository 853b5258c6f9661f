/** The Activity Frames node. */
package org.neuroseg.knime.node.activityframes;
