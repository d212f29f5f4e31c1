package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.Gson;

/** How {@code analyze} writes its records. */
enum RecordFormat {
    /** One JSON object per line. */
    jsonl {
        private final Gson gson = new Gson();

        @Override
        void begin(PrintWriter out) {
            // JSON Lines has no header.
        }

        @Override
        void write(PrintWriter out, Map<String, Object> record) {
            out.println(gson.toJson(record));
        }
    },
    /** One row per record under a header of every field; a field a record lacks is left empty. */
    csv {
        @Override
        void begin(PrintWriter out) {
            out.println(String.join(",", AnalysisRecords.FIELDS));
        }

        @Override
        void write(PrintWriter out, Map<String, Object> record) {
            // Values are numbers and fixed upper-case words: nothing needs quoting.
            out.println(AnalysisRecords.FIELDS.stream()
                    .map(field -> record.containsKey(field) ? String.valueOf(record.get(field)) : "")
                    .collect(Collectors.joining(",")));
        }
    };

    abstract void begin(PrintWriter out);

    abstract void write(PrintWriter out, Map<String, Object> record);
}
