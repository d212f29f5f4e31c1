/**
 * The command line: every command of the product is a subcommand of
 * {@link org.livenesskiosk.cli.Main}, run as {@code java -jar liveness-kiosk.jar <command>}. Only
 * this package writes to the console; it may use every other package.
 */
package org.livenesskiosk.cli;
