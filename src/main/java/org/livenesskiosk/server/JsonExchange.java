package org.livenesskiosk.server;

import org.livenesskiosk.protocol.Envelope;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.javalin.http.Context;

/**
 * Reading a request's JSON body into its record and writing the answer's envelope. A body that is
 * not the record's JSON, or whose fields are out of bounds ({@link FieldLimits}), is the caller's
 * mistake: {@code PARAMETER_ERROR}, never a server failure. Before anything is bound the body's
 * shape is walked as a stream ({@link #requireBoundedShape}): a body within its route's size can still
 * hold millions of tiny values, each of which binding would make an object of.
 */
final class JsonExchange {

    private static final Gson GSON = new Gson();
    /** The deepest request (an upload's recording) nests three levels: four more are slack, not a use. */
    static final int MAX_DEPTH = 8;
    /** The most values an array may hold: a minute of recording at the upload's 32 frames a second is 1,920. */
    static final int MAX_ARRAY_ELEMENTS = FieldLimits.MAX_ELEMENTS;
    /** The most members an object may hold: the upload, the largest request, has ten. */
    static final int MAX_OBJECT_MEMBERS = FieldLimits.MAX_ENTRIES;

    private JsonExchange() {
    }

    /** The body as {@code type}; an empty body is an object with no fields, so that each field is reported missing. */
    static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            text = "{}";
        }
        if (requireBoundedShape(text) != JsonToken.BEGIN_OBJECT) {
            throw new ServiceException("PARAMETER_ERROR", "The body must be a JSON object");
        }
        T value;
        try {
            // Bound straight from the text, whose value the walk found strict and bounded (anything after it the binding
            // refuses): no tree of it is built first, which would copy an upload's frames once more.
            value = GSON.fromJson(text, type);
        } catch (RuntimeException wrongTypes) {
            // Gson's text names its own classes: the caller is told which kind of mistake, never that text.
            throw new ServiceException("PARAMETER_ERROR", "The body's fields are not of their types");
        }
        FieldLimits.check(value);
        return value;
    }

    /**
     * Walks the JSON as a strict stream, holding nothing but the depth and counts, and refuses nesting,
     * arrays and objects beyond what any request needs, and malformed JSON (what follows the value is
     * left to the binding, which refuses it); returns what the body is: an object, an array, a value.
     */
    static JsonToken requireBoundedShape(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            JsonToken top = reader.peek();
            walk(reader, 0);
            return top;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new JsonParseException("malformed", e);
        }
    }

    private static void walk(JsonReader reader, int depth) throws IOException {
        JsonToken token = reader.peek();
        if (token != JsonToken.BEGIN_ARRAY && token != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return;
        }
        if (depth == MAX_DEPTH) {
            throw new ServiceException("PARAMETER_ERROR", "The body nests deeper than " + MAX_DEPTH + " levels");
        }
        boolean array = token == JsonToken.BEGIN_ARRAY;
        int limit = array ? MAX_ARRAY_ELEMENTS : MAX_OBJECT_MEMBERS;
        if (array) {
            reader.beginArray();
        } else {
            reader.beginObject();
        }
        for (int count = 0; reader.hasNext(); count++) {
            if (count == limit) {
                throw new ServiceException("PARAMETER_ERROR", array ? "An array of the body holds more than " + limit + " values"
                        : "An object of the body holds more than " + limit + " members");
            }
            if (!array) {
                reader.nextName();
            }
            walk(reader, depth + 1);
        }
        if (array) {
            reader.endArray();
        } else {
            reader.endObject();
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ServiceException("PARAMETER_ERROR", field + " is required");
        }
        return value;
    }

    static long required(Long value, String field) {
        if (value == null) {
            throw new ServiceException("PARAMETER_ERROR", field + " is required");
        }
        return value;
    }

    /** The code of the envelope a request was answered with, for the metrics. */
    static final String ANSWER_CODE = "answerCode";

    static void answer(Context ctx, Envelope envelope) {
        ctx.attribute(ANSWER_CODE, envelope.code());
        ctx.status(200).contentType("application/json").result(GSON.toJson(envelope));
    }
}
