/** One package per NeuroSeg node, named after the stage id; each holds the factory, its description and icon. */
package org.neuroseg.knime.node;
