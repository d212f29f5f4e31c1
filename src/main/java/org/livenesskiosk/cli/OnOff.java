package org.livenesskiosk.cli;

import java.util.Locale;

import picocli.CommandLine;

/** A switch written {@code on} or {@code off} on the command line. */
enum OnOff {
    ON,
    OFF;

    boolean on() {
        return this == ON;
    }

    /** Reads {@code on} or {@code off}, in any case. */
    static final class Converter implements CommandLine.ITypeConverter<OnOff> {
        @Override
        public OnOff convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "on" -> ON;
                case "off" -> OFF;
                default -> throw new CommandLine.TypeConversionException("expected on or off, not '" + value + "'");
            };
        }
    }
}
