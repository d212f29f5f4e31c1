package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.livenesskiosk.liveness.Prompt;

/**
 * What the kiosk says aloud, as keys of the bundles (each has a recording in
 * {@code voice/<language>/<key>.wav}): every instruction the detection screen shows — the
 * session's prompts and the oval's directions — and the customer's result. A customer who cannot
 * read the screen hears what it says. Texts with a number or a reference in them are not spoken:
 * a recording cannot know them.
 */
final class Spoken {

    /** The oval's directions, shown (and so spoken) in place of the session's "not there yet". */
    static final List<UiText> DIRECTIONS = List.of(UiText.GUIDE_MOVE_CLOSER, UiText.GUIDE_MOVE_BACK, UiText.GUIDE_MOVE_LEFT,
            UiText.GUIDE_MOVE_RIGHT, UiText.GUIDE_MOVE_UP, UiText.GUIDE_MOVE_DOWN);

    private Spoken() {
    }

    /** Every key that has a recording: what {@code resources/voice/speak.sh} must speak. */
    static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (Prompt prompt : Prompt.values()) {
            keys.add(prompt.key());
        }
        DIRECTIONS.forEach(direction -> keys.add(direction.key()));
        for (CustomerResult.Outcome outcome : CustomerResult.Outcome.values()) {
            keys.add(outcome.title().key());
        }
        keys.add(UiText.RESULT_ASK_STAFF.key());
        return keys;
    }

    /** The result as the screen shows it, in its order: the outcome, then "ask a member of staff" or the tip. */
    static List<String> result(CustomerResult told) {
        List<String> said = new ArrayList<>();
        said.add(told.outcome().title().key());
        if (told.askStaff()) {
            said.add(UiText.RESULT_ASK_STAFF.key());
        }
        told.tip().ifPresent(tip -> said.add(tip.key()));
        return said;
    }
}
