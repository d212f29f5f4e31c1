package org.livenesskiosk.cli;

import java.util.Locale;

import picocli.CommandLine;

/** Reads a switch written {@code on} or {@code off}, as the options that take one document it. */
final class OnOff implements CommandLine.ITypeConverter<Boolean> {

    @Override
    public Boolean convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new CommandLine.TypeConversionException("expected on or off, not '" + value + "'");
        };
    }
}
