package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's version, as the build stamped it into {@code version.properties}. */
public final class ProductVersion {

    private ProductVersion() {
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream("/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
