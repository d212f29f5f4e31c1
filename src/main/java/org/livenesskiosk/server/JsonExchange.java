package org.livenesskiosk.server;

import org.livenesskiosk.protocol.Envelope;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.javalin.http.Context;

/**
 * Reading a request's JSON body into its record and writing the answer's envelope. A body that is
 * not the record's JSON, or whose fields are out of bounds ({@link FieldLimits}), is the caller's
 * mistake: {@code PARAMETER_ERROR}, never a server failure.
 */
final class JsonExchange {

    private static final Gson GSON = new Gson();

    private JsonExchange() {
    }

    /** The body as {@code type}; an empty body is an object with no fields, so that each field is reported missing. */
    static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        JsonElement json = JsonParser.parseString(text.isBlank() ? "{}" : text);
        if (!json.isJsonObject()) {
            throw new ServiceException("PARAMETER_ERROR", "The body must be a JSON object");
        }
        T value;
        try {
            value = GSON.fromJson(json, type);
        } catch (RuntimeException wrongTypes) {
            // From a parsed tree Gson does not wrap every mismatch (a text where a number belongs) in its own exception.
            throw new ServiceException("PARAMETER_ERROR", "The body's fields are not of their types: " + wrongTypes.getMessage());
        }
        FieldLimits.check(value);
        return value;
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
