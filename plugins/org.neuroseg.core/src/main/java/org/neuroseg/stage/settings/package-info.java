/**
 * Saving and loading a stage's parameters in a key-value settings store: the KNIME adapter stores them in a node's
 * settings, tests and workflow generators in memory. The mapping lives here, free of KNIME, so it is tested without
 * KNIME; the settings key of a parameter is its {@link org.neuroseg.stage.ParamSpec#key()}.
 */
package org.neuroseg.stage.settings;
