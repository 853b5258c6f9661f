/**
 * Results as plain tables (named, typed columns; rows of Integer, Double or String) so that every front end shows
 * them the same way: the KNIME adapter turns a {@link org.neuroseg.table.Table} into a KNIME data table cell by
 * cell, the command line into CSV. {@link org.neuroseg.table.RoiTables}, {@link org.neuroseg.table.RasterTables},
 * {@link org.neuroseg.table.TracesTables} and {@link org.neuroseg.table.ShiftsTables} define the ROI, raster, traces
 * and shifts tables and read them back.
 */
package org.neuroseg.table;
