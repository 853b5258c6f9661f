/** NeuroSeg core: what every package shares, such as the user-facing {@link org.neuroseg.NeurosegException}. */
package org.neuroseg;
