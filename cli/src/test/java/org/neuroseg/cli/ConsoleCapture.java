package org.neuroseg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a command prints, for tests that check its messages. */
final class ConsoleCapture {

    private ConsoleCapture() {
    }

    /** @return what {@code action} printed to standard output */
    static String stdout(Runnable action) {
        return capture(action, System.out, System::setOut);
    }

    /** @return what {@code action} printed to standard error */
    static String stderr(Runnable action) {
        return capture(action, System.err, System::setErr);
    }

    private static String capture(Runnable action, PrintStream original, Consumer<PrintStream> redirect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        redirect.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            redirect.accept(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
