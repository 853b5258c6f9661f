package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a stage's warnings go. */
class StageContextTest {

    @Test
    void aListenerAddedForAReportGetsEachWarningAndTheUserStillDoes() {
        List<String> user = new ArrayList<>();
        List<String> report = new ArrayList<>();
        StageContext context = new StageContext(name -> Path.of(name), ProgressMonitor.NONE, user::add);
        StageContext reported = context.alsoWarningTo(report::add);
        reported.warn("first");
        context.warn("second");
        assertEquals(List.of("first", "second"), user);
        assertEquals(List.of("first"), report);
    }
}
