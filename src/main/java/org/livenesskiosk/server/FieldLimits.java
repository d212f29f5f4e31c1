package org.livenesskiosk.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * How long each field of a request may be, checked on every body before any route sees it: a
 * megabyte-long {@code userId} is the caller's mistake ({@code PARAMETER_ERROR}), never stored and
 * never a failure of the database. Lists and maps are bounded and hold no {@code null}; the images'
 * base64 (map values) are bounded by the request's size and the upload's own image check.
 */
final class FieldLimits {

    /** Any text field not named below. */
    static final int DEFAULT_LENGTH = 1_024;
    static final int MAX_ELEMENTS = 10_000;
    static final int MAX_ENTRIES = 64;

    /** By field name, as the database's columns and the protocol allow. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("userId", 200),
            Map.entry("signatureId", 64),
            Map.entry("sessionId", 64),
            Map.entry("challengeId", 64),
            // The best image at full quality, base64; the upload's own check holds it to 2 MB of JPEG.
            Map.entry("bestImage", 3_000_000),
            // The far/near stage's images, the same.
            Map.entry("farImage", 3_000_000),
            Map.entry("nearImage", 3_000_000),
            Map.entry("livenessId", 64),
            // An identity document's picture: FaceComparison.MAX_DOCUMENT_BYTES, base64.
            Map.entry("documentImage", FaceComparison.MAX_DOCUMENT_BASE64),
            // The same portrait as the kiosk captured it from the card, in its upload.
            Map.entry("documentPortrait", FaceComparison.MAX_DOCUMENT_BASE64),
            Map.entry("sdkVersion", 40),
            Map.entry("platform", 40),
            Map.entry("version", 40),
            Map.entry("market", 20),
            Map.entry("applicationId", 2_000),
            Map.entry("license", 4_096),
            Map.entry("accessKey", 64),
            Map.entry("signature", 64),
            Map.entry("resultType", 20),
            Map.entry("enrollmentCode", 64),
            Map.entry("publicKey", 200),
            Map.entry("action", 20),
            Map.entry("metric", 40));

    /** A single application id (the license request takes several, comma separated). */
    static final int APPLICATION_ID_LENGTH = 200;

    private FieldLimits() {
    }

    /** @throws ServiceException {@code PARAMETER_ERROR} naming the first field out of bounds */
    static void check(Object value) {
        check(value, "");
    }

    private static void check(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object field = read(component, record);
                String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
                if (field instanceof String text) {
                    int limit = LENGTHS.getOrDefault(component.getName(), DEFAULT_LENGTH);
                    if (text.length() > limit) {
                        throw new ServiceException("PARAMETER_ERROR", name + " is longer than " + limit + " characters");
                    }
                } else {
                    check(field, name);
                }
            }
        } else if (value instanceof Collection<?> elements) {
            if (elements.size() > MAX_ELEMENTS) {
                throw new ServiceException("PARAMETER_ERROR", path + " has more than " + MAX_ELEMENTS + " elements");
            }
            for (Object element : elements) {
                if (element == null) {
                    throw new ServiceException("PARAMETER_ERROR", path + " holds a null");
                }
                check(element, path + "[]");
            }
        } else if (value instanceof Map<?, ?> entries) {
            if (entries.size() > MAX_ENTRIES) {
                throw new ServiceException("PARAMETER_ERROR", path + " has more than " + MAX_ENTRIES + " entries");
            }
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null || entry.getKey().toString().length() > 64) {
                    throw new ServiceException("PARAMETER_ERROR", path + " holds a null or an over-long key");
                }
                if (!(entry.getValue() instanceof String)) {
                    check(entry.getValue(), path + "." + entry.getKey());
                }
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("A request record's field cannot be read", e);
        }
    }
}
