/** Stages of the pipeline and what they share: progress reporting and cancellation. */
package org.neuroseg.stage;
