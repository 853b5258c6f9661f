/** The Active Cell Tracking node. */
package org.neuroseg.knime.node.activecelltracking;
