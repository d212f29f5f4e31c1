package org.livenesskiosk.liveness;

/** The actions a customer can be asked for, under the names the mobile SDK uses. */
public enum ActionType {
    BLINK,
    /** Open the mouth wide and close it again. */
    MOUTH,
    /** Turn the head to one side and back. */
    POS_YAW,
    /** Lower the head and raise it again. */
    NOD
}
