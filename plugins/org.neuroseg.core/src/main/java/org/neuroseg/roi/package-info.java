/** Regions of interest (neurons): pixel sets, label images, and their file formats. */
package org.neuroseg.roi;
