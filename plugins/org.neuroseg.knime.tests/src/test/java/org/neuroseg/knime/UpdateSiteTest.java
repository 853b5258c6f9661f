package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built update site ships the adapter and never the compile-only KNIME stand-in. */
class UpdateSiteTest {

    @Test
    void siteHoldsTheAdapterButNotTheStandIn() throws IOException {
        List<String> names = UpdateSite.entries();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("plugins/org.neuroseg.knime_")), names.toString());
        assertEquals(List.of(), names.stream().filter(n -> n.contains("org.knime.")).toList());
    }
}
