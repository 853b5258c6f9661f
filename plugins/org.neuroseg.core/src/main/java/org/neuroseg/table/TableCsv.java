package org.neuroseg.table;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;

/**
 * A {@link Table} as a CSV file (RFC 4180): a header line of the column names, then one line per row. Text that
 * holds a comma, a quote or a line break is quoted, quotes doubled. Numbers use a dot as decimal separator; a
 * real number that a float holds exactly (traces are computed in float) is written as the float's shortest form,
 * so 0.1f is {@code 0.1}, not {@code 0.10000000149011612}. Table properties are not written.
 */
public final class TableCsv {

    private TableCsv() {
    }

    /**
     * Writes {@code table} to {@code file}, all or nothing.
     *
     * @throws NeurosegException naming the file when it cannot be written
     */
    public static void write(Table table, Path file) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            writeLine(out, table.columns().stream().map(column -> (Object) column.name()).toList());
            for (List<Object> row : table.rows()) {
                writeLine(out, row);
            }
        });
    }

    private static void writeLine(Writer out, List<Object> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            line.append(format(cells.get(c)));
        }
        out.write(line.append('\n').toString());
    }

    /** @return the CSV text of one cell */
    static String format(Object cell) {
        if (cell instanceof Double value) {
            float narrow = value.floatValue();
            return narrow == value ? Float.toString(narrow) : Double.toString(value);
        }
        String text = cell.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
