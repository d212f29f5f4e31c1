/**
 * Wiring and the command line: every command of the product is a subcommand of
 * {@link org.livenesskiosk.app.Main}, run as {@code java -jar liveness-kiosk.jar <command>}.
 */
package org.livenesskiosk.app;
