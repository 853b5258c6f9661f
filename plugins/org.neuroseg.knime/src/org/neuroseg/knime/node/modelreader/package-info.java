/** The Model Reader node. */
package org.neuroseg.knime.node.modelreader;
