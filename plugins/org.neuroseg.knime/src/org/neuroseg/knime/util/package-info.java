/**
 * Small bridges between KNIME and core: node settings as a core settings store, KNIME's execution monitor as a core
 * progress monitor, file stores as a stage's output files, and core tables as KNIME tables.
 */
package org.neuroseg.knime.util;
