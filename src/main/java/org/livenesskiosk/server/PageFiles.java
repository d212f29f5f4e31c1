package org.livenesskiosk.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The static files of one of the service's pages (the fleet's, the reviewers'), from the jar's
 * {@code /NAME/}: the page at {@code /NAME} ({@code NAME.html}), its style and script at
 * {@code /NAME/assets/NAME.css} and {@code NAME.js}, each under the page's Content-Security-Policy.
 * Nothing of a bank is in them: the data comes from the page's own API.
 */
final class PageFiles {

    private PageFiles() {
    }

    static void register(Javalin app, String name, String policy) {
        Map<String, String> files = Map.of(name + ".css", "text/css; charset=utf-8", name + ".js", "text/javascript; charset=utf-8");
        app.get("/" + name, ctx -> serve(ctx, "/" + name + "/" + name + ".html", "text/html; charset=utf-8", policy));
        app.get("/" + name + "/assets/{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!files.containsKey(file)) {
                throw new ServiceException("NOT_FOUND", "No such file");
            }
            serve(ctx, "/" + name + "/" + file, files.get(file), policy);
        });
    }

    private static void serve(Context ctx, String resource, String type, String policy) {
        try (InputStream in = PageFiles.class.getResourceAsStream(resource)) {
            byte[] bytes = Optional.ofNullable(in).orElseThrow(() -> new IOException(resource + " is missing from the jar")).readAllBytes();
            ctx.contentType(type).header("Content-Security-Policy", policy).header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-cache").result(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
