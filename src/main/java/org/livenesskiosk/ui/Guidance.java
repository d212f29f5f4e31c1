package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;

/**
 * What the detection screen shows at each moment of a session, as a plain class the screen only
 * follows: one instruction at a time (the oval's direction when it says more precisely what the
 * session asks, else the session's prompt), the oval green whenever an action is asked, the step
 * dots — the far/near stage, getting ready, each action — and the tick after each action.
 */
final class Guidance {

    /** A step as its dot shows it. */
    enum Dot { DONE, NOW, TO_COME }

    /**
     * One moment, as the screen shows it.
     *
     * @param instruction what to do now: the session's prompt, or for a direction the prompt it stands for; empty before
     *                    the session's first word
     * @param direction   the oval's direction, shown in place of the instruction's words where it says exactly where to move
     * @param ovalGreen   the face is where the session wants it, or an action is being asked
     * @param dots        the steps, in order
     * @param actionDone  an action was seen at this moment: the tick and "Good"
     */
    record Moment(Optional<Prompt> instruction, Optional<FaceFit.Advice> direction, boolean ovalGreen, List<Dot> dots,
                  boolean actionDone) {
    }

    /** The session's prompts that only say "not there yet": the oval's direction says which way. */
    private static final Set<Prompt> PLACEMENT = Set.of(Prompt.MOVE_CLOSER, Prompt.MOVE_BACK, Prompt.CENTER_FACE);

    private boolean farNear;
    private int lastStep;
    /** The action asked for in the last frame, if one was. */
    private Optional<Prompt> lastAction = Optional.empty();

    /** A new session. */
    void reset() {
        farNear = false;
        lastStep = 0;
        lastAction = Optional.empty();
    }

    /** @param advice what the oval says of the face in the same frame, by the session's own rule */
    Moment next(SessionUpdate update, FaceFit.Advice advice) {
        SessionState state = update.state();
        farNear |= state == SessionState.FAR || state == SessionState.NEAR;
        boolean acting = state == SessionState.ACTING;
        // Seen: the next action is asked, or the session holds for its best image, or ends well.
        boolean failed = update.result().flatMap(SessionResult::error).isPresent();
        boolean actionDone = lastAction.isPresent() && !failed
                && (update.step() > lastStep || !update.prompt().equals(lastAction));
        lastStep = update.step();
        lastAction = acting ? update.prompt().filter(prompt -> update.action().map(Prompt::forAction).equals(Optional.of(prompt)))
                : Optional.empty();
        boolean directed = !acting && advice != FaceFit.Advice.FITS && advice != FaceFit.Advice.SHOW_FACE
                && update.prompt().filter(PLACEMENT::contains).isPresent();
        Optional<Prompt> instruction = directed ? Optional.of(spoken(advice)) : update.prompt();
        return new Moment(instruction, directed ? Optional.of(advice) : Optional.empty(),
                acting || advice == FaceFit.Advice.FITS, dots(update), actionDone);
    }

    /** The recorded prompt that says what the oval's direction says. */
    private static Prompt spoken(FaceFit.Advice direction) {
        return switch (direction) {
            case MOVE_CLOSER -> Prompt.MOVE_CLOSER;
            case MOVE_BACK -> Prompt.MOVE_BACK;
            default -> Prompt.CENTER_FACE;
        };
    }

    private List<Dot> dots(SessionUpdate update) {
        int now = switch (update.state()) {
            case FAR, NEAR -> 0;
            case PREPARING -> farNear ? 1 : 0;
            case ACTING -> (farNear ? 1 : 0) + update.step();
            case LIGHT -> (farNear ? 2 : 1) + update.steps();
            case FINISHED -> Integer.MAX_VALUE;
        };
        List<Dot> dots = new ArrayList<>();
        int count = (farNear ? 2 : 1) + update.steps();
        for (int step = 0; step < count; step++) {
            dots.add(step < now ? Dot.DONE : step == now ? Dot.NOW : Dot.TO_COME);
        }
        return dots;
    }
}
