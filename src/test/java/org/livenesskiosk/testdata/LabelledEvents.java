package org.livenesskiosk.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The hand-checked events of a shared clip ({@code annotations/<clip>.events.csv}). */
public final class LabelledEvents {

    /** One labelled row: its kind (e.g. {@code blink}) and when it happens. */
    public record Event(String kind, long startMs, long endMs) {

        /** Whether [start, end] overlaps this event widened by a tolerance on each side. */
        public boolean overlaps(long start, long end, long toleranceMs) {
            return start <= endMs + toleranceMs && end >= startMs - toleranceMs;
        }
    }

    private LabelledEvents() {
    }

    public static List<Event> of(String clip) throws IOException {
        List<Event> events = new ArrayList<>();
        List<String> lines = Files.readAllLines(SharedData.annotation(clip + ".events.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            events.add(new Event(fields[0], Math.round(Double.parseDouble(fields[3]) * 1000),
                    Math.round(Double.parseDouble(fields[4]) * 1000)));
        }
        return events;
    }
}
