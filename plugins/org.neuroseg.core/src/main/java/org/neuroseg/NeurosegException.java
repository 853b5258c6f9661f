package org.neuroseg;

/**
 * A problem with the user's data or files (unreadable, truncated, inconsistent), as opposed to a programming error.
 * The message is written for the user: it names the file or parameter and says what was wrong and what was expected.
 */
public class NeurosegException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message user-facing description, naming the file or parameter at fault */
    public NeurosegException(String message) {
        super(message);
    }

    /**
     * @param message user-facing description, naming the file or parameter at fault
     * @param cause the underlying error
     */
    public NeurosegException(String message, Throwable cause) {
        super(message, cause);
    }
}
