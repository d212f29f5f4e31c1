package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-checked event of a recorded clip, as the shared test data labels them in
 * {@code <clip>.events.csv}: {@code event,start_frame,end_frame,start_s,end_s,detail,checked_by_eye}.
 *
 * @param kind what happens, e.g. {@code blink}, {@code eyes_closed_long}, {@code head_turn}
 */
public record LabelledEvent(String kind, long startMs, long endMs) {

    /** Whether [start, end] overlaps this event widened by a tolerance on each side. */
    public boolean overlaps(long start, long end, long toleranceMs) {
        return start <= endMs + toleranceMs && end >= startMs - toleranceMs;
    }

    public static List<LabelledEvent> read(Path eventsCsv) throws IOException {
        List<String> lines = Files.readAllLines(eventsCsv);
        List<LabelledEvent> events = new ArrayList<>();
        // The free-text detail comes after the times, so splitting only the leading fields is safe.
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", 6);
            events.add(new LabelledEvent(fields[0], Math.round(Double.parseDouble(fields[3]) * 1000),
                    Math.round(Double.parseDouble(fields[4]) * 1000)));
        }
        return events;
    }
}
