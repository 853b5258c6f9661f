package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderAndRowsQuotingTextWithSeparators() throws Exception {
        Table table = new Table(List.of(new Column("id", ColumnType.INT), new Column("value", ColumnType.DOUBLE),
                new Column("note, free text", ColumnType.STRING)),
                List.of(List.of(1, (double) 0.1f, "plain"), List.of(2, 0.1, "say \"hi\", twice")), Map.of());
        Path file = dir.resolve("t.csv");
        TableCsv.write(table, file);
        assertEquals(List.of("id,value,\"note, free text\"", "1,0.1,plain", "2,0.1,\"say \"\"hi\"\", twice\""),
                Files.readAllLines(file));
    }

    @Test
    void realsKeepEveryDigitTheyHave() {
        assertEquals("0.30000000000000004", TableCsv.format(0.1 + 0.2));
        assertEquals("1.0E-5", TableCsv.format((double) 1e-5f));
        assertEquals("-2.5", TableCsv.format(-2.5));
    }
}
