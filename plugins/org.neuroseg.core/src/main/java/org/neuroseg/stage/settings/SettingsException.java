package org.neuroseg.stage.settings;

import org.neuroseg.NeurosegException;

/** A settings store lacks a key, holds a value of the wrong type, or holds a value a parameter does not allow. */
public final class SettingsException extends NeurosegException {
    private static final long serialVersionUID = 1L;

    /** @param message for the user: names the parameter, the offending value and what is allowed */
    public SettingsException(String message) {
        super(message);
    }

    /**
     * @param message for the user: names the parameter, the offending value and what is allowed
     * @param cause the store's own error
     */
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
