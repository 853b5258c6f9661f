/** The Activity Validation node. */
package org.neuroseg.knime.node.activityvalidation;
