package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** How {@code analyze} writes its records. */
enum RecordFormat {
    /** One JSON object per line; a field that was not measured in this record is {@code null}. */
    jsonl {
        private final Gson gson = new GsonBuilder().serializeNulls().create();

        @Override
        void begin(PrintWriter out) {
            // JSON Lines has no header.
        }

        @Override
        void write(PrintWriter out, Map<String, Object> record) {
            out.println(gson.toJson(record));
        }
    },
    /** One row per record under a header of every field; a field a record lacks, or did not measure, is left empty. */
    csv {
        @Override
        void begin(PrintWriter out) {
            out.println(String.join(",", AnalysisRecords.FIELDS));
        }

        @Override
        void write(PrintWriter out, Map<String, Object> record) {
            // Values are numbers and fixed upper-case words: nothing needs quoting.
            out.println(AnalysisRecords.FIELDS.stream()
                    .map(field -> record.get(field) == null ? "" : String.valueOf(record.get(field)))
                    .collect(Collectors.joining(",")));
        }
    };

    abstract void begin(PrintWriter out);

    abstract void write(PrintWriter out, Map<String, Object> record);
}
