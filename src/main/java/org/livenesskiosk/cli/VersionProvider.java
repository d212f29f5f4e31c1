package org.livenesskiosk.cli;

import org.livenesskiosk.kiosk.ProductVersion;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build stamped into the product. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Liveness Kiosk " + ProductVersion.version()};
    }
}
