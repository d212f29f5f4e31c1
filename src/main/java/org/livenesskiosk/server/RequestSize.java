package org.livenesskiosk.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServletContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request size cap, before anything reads a body: one declared larger is refused with
 * {@code PAYLOAD_TOO_LARGE} at once; one sent in chunks, with no length to judge it by, is read
 * only up to the cap (Javalin alone would read it whole into memory, however large).
 */
final class RequestSize {

    private final long maxBytes;

    RequestSize(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void register(Javalin app) {
        app.before(this::bound);
    }

    private void bound(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        boolean chunked = declared < 0 && ctx.header("Transfer-Encoding") != null;
        if (chunked && ctx instanceof JavalinServletContext servletContext) {
            byte[] body = ctx.req().getInputStream().readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            servletContext.changeBaseRequest(new ReadBody(ctx.req(), body));
        }
    }

    private ServiceException tooLarge() {
        return new ServiceException("PAYLOAD_TOO_LARGE", "The request is larger than " + (maxBytes >> 20) + " MB");
    }

    /** The request with its body already read, within the cap. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }
    }
}
