package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

public interface NodeSettingsRO extends ConfigRO {
}
