/**
 * KNIME ports of NeuroSeg nodes: the video and model ports (data in a file store, metadata in the workflow) and the
 * mapping of stage port kinds to KNIME port types and back.
 */
package org.neuroseg.knime.port;
