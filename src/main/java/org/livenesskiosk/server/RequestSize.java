package org.livenesskiosk.server;

import java.io.IOException;
import java.util.Map;

import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServletContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Each route's body cap, applied before anything reads a body: one declared larger is refused with
 * {@code PAYLOAD_TOO_LARGE} at once, from its headers; one sent in chunks, with no length to judge
 * it by, is refused the moment it passes the cap while it is read, so that no route ever holds more
 * than its cap in memory, whoever sends it.
 */
final class RequestSize {

    /** An upload holds up to a minute of recording; see {@link KioskRoutes} for what each part may be. */
    static final long MAX_UPLOAD_BYTES = UploadRequest.MAX_BYTES;
    /**
     * Every other route's body is a few short fields (a license is the longest, 4 KB, and the license
     * request's list of application ids 2 KB): 64 KB is ten times what they need.
     */
    static final long MAX_OTHER_BYTES = 64L << 10;
    /** A face comparison carries one document picture, base64, and a livenessId: 4 KB of slack for the rest. */
    static final long MAX_COMPARE_BYTES = FaceComparison.MAX_DOCUMENT_BASE64 + (4L << 10);
    private static final Map<String, Long> CAPS = Map.of(Routes.KIOSK_UPLOAD, MAX_UPLOAD_BYTES, Routes.FACE_COMPARE, MAX_COMPARE_BYTES);

    void register(Javalin app) {
        app.before(this::bound);
    }

    /** The cap of the route at {@code path}. */
    static long cap(String path) {
        return CAPS.getOrDefault(path.replaceAll("/+$", ""), MAX_OTHER_BYTES);
    }

    static ServiceException tooLarge(long cap) {
        return new ServiceException("PAYLOAD_TOO_LARGE", "The request is larger than this route takes ("
                + (cap >= 1 << 20 ? (cap >> 20) + " MB" : (cap >> 10) + " KB") + ")");
    }

    private void bound(Context ctx) {
        long cap = cap(ctx.path());
        if (ctx.req().getContentLengthLong() > cap) {
            throw tooLarge(cap);
        }
        if (ctx instanceof JavalinServletContext servletContext) {
            servletContext.changeBaseRequest(new CappedBody(ctx.req(), cap));
        }
    }

    /** The request whose body stream refuses to go past the cap, however the body is framed. */
    private static final class CappedBody extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream capped;

        CappedBody(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), cap);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long cap;
        private long read;

        CappedStream(ServletInputStream body, long cap) {
            this.body = body;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, (int) Math.min(length, cap + 1 - read));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            if (read > cap) {
                throw tooLarge(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
