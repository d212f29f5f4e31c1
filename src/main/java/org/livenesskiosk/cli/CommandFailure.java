package org.livenesskiosk.cli;

/** A command cannot go on for a reason its message tells a person, with what to do about it. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
