package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.livenesskiosk.protocol.Envelope;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the service says when Jetty or Javalin refuses a request before any route: always the
 * envelope, with a code and a sentence, never Jetty's HTML page, its reason text or a stack. Jetty
 * refuses on its own a request line or headers it cannot take (400, 414, 431, 505) and paths it
 * will not route ({@code %00}, ambiguous encodings).
 */
final class Refusals extends ErrorHandler {

    private static final Gson GSON = new Gson();

    static Envelope of(int status) {
        return switch (status) {
            case 413 -> RequestSize.tooLarge(RequestSize.MAX_UPLOAD_BYTES).envelope();
            case 404 -> Envelope.error("NOT_FOUND", "No such route");
            case 405 -> Envelope.error("METHOD_NOT_ALLOWED", "This route does not take this method");
            case 414 -> Envelope.error("PARAMETER_ERROR", "The request's path is too long");
            case 431 -> Envelope.error("PARAMETER_ERROR", "The request's headers are too large");
            case 505 -> Envelope.error("PARAMETER_ERROR", "The service speaks HTTP/1.1");
            default -> Envelope.error("PARAMETER_ERROR", "The request was refused (HTTP " + status + ")");
        };
    }

    /** A request line or headers refused while they were read: the envelope replaces Jetty's page. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(GSON.toJson(of(status)).getBytes(StandardCharsets.UTF_8));
    }

    /** Any other error Jetty answers itself (a path it will not route): the envelope, whatever the caller accepts. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(GSON.toJson(of(code)).getBytes(StandardCharsets.UTF_8));
    }
}
