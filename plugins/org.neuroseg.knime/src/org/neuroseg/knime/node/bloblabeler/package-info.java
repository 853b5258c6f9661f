/** The Blob Labeler node. */
package org.neuroseg.knime.node.bloblabeler;
