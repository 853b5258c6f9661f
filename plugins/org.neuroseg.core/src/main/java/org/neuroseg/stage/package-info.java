/**
 * Stages of the pipeline and what they share: typed ports ({@link org.neuroseg.stage.PortSpec},
 * {@link org.neuroseg.stage.PortValues}), parameters, progress reporting and cancellation. A stage declares each
 * parameter and port as a constant whose spec carries its label and description; those texts are the
 * documentation (node descriptions, dialogs, {@code neuroseg help}), so the constants have no Javadoc of their own.
 */
package org.neuroseg.stage;
