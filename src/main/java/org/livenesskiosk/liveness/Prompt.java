package org.livenesskiosk.liveness;

import java.util.Locale;

/**
 * What the customer is told to do now. Each has a message key that the kiosk looks up in the
 * current language's bundle and speaks.
 */
public enum Prompt {
    LOOK_AT_CAMERA("prompt.lookAtCamera"),
    ONLY_ONE_PERSON("prompt.onlyOnePerson"),
    MOVE_CLOSER("prompt.moveCloser"),
    MOVE_BACK("prompt.moveBack"),
    CENTER_FACE("prompt.centerFace"),
    LOOK_STRAIGHT("prompt.lookStraight"),
    HOLD_STILL("prompt.holdStill"),
    MORE_LIGHT("prompt.moreLight"),
    LESS_LIGHT("prompt.lessLight"),
    UNCOVER_FACE("prompt.uncoverFace"),
    /** The far/near stage: back away until the face fits the small oval. */
    FAR_FACE("prompt.farFace"),
    /** The far/near stage: lean in until the face fills the large oval. */
    NEAR_FACE("prompt.nearFace"),
    /** The light step: keep still while the screen changes colour. */
    LIGHT("prompt.light"),
    BLINK("prompt.blink"),
    OPEN_MOUTH("prompt.openMouth"),
    TURN_HEAD("prompt.turnHead"),
    NOD("prompt.nod");

    private final String key;

    Prompt(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The prompt in plain words for an operator's detail ("look at camera"), never a message key. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static Prompt forAction(ActionType action) {
        return switch (action) {
            case BLINK -> BLINK;
            case MOUTH -> OPEN_MOUTH;
            case POS_YAW -> TURN_HEAD;
            case NOD -> NOD;
        };
    }
}
