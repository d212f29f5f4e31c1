package org.livenesskiosk.liveness;

import java.util.Locale;
import java.util.Optional;

/**
 * The public error codes, exactly as {@code ERROR_CODES.md} names them (the mobile SDK's Android
 * names, so that integrators' back ends keep working).
 */
public enum LivenessError {
    // Decided on the kiosk.
    FACE_MISSING("The face left the frame during an action or the preparation.",
            "Ask the customer to stay inside the oval and retry."),
    ACTION_TIMEOUT("The requested action was not seen within its time limit.", "Show the action once more, then retry."),
    PREPARE_TIMEOUT("A usable face (one face, centred, right size, steady, good light) was not reached in time.",
            "Check distance, light and position, then retry."),
    MULTIPLE_FACE("More than one face is in view.", "Only the customer may stand in front of the camera."),
    MUCH_MOTION("The face moved too far or too fast.", "Ask the customer to keep still except for the action."),
    WEAK_LIGHT("The face is too dark.", "Turn the light on, or have the customer face the light."),
    STRONG_LIGHT("The face is over-exposed.", "Move away from direct light."),
    USER_GIVE_UP("The customer or operator cancelled.", ""),
    DEVICE_NOT_SUPPORT("No usable camera: none attached, busy, or its driver failed.",
            "Attach or free the camera, and check the camera driver."),
    MODEL_ERROR("A vision model is missing or its checksum does not match.", "Reinstall Liveness Kiosk."),
    NO_UPLOAD_IMAGE("No frame was good enough for the best image.", "Retry with better light and a steady face."),
    ALREADY_INIT("Initialisation was asked twice.", ""),
    // Decided with the service.
    AUTH_BAD_NETWORK("The license or authorization request could not reach the service.",
            "Check the network (or proxy / VPN), then retry."),
    CHECKING_BAD_NETWORK("The evidence upload failed on the network.",
            "The upload is kept and retried; the livenessId comes when it succeeds."),
    NO_RESPONSE("A request got no answer in time.", "Check the network status."),
    AUTH_PARAMETER_ERROR("The key or the market is wrong for this account.",
            "Check the access key, and that the market matches the account's region."),
    AUTH_IAM_FAILED("This kiosk's application id is not registered.", "Register the application id with the service."),
    AUTH_TICKET_DISABLE("The license or ticket has expired.", "Obtain a new license."),
    AUTH_ACCOUNT_ACCESS_DENIED("The account may not use liveness detection.", "Contact the service provider."),
    UNDEFINED("The service reported an error this kiosk does not know.", "");

    private final String explanation;
    private final String wayOut;

    LivenessError(String explanation, String wayOut) {
        this.explanation = explanation;
        this.wayOut = wayOut;
    }

    /** The operator's one-line explanation, in English (the kiosk shows its own language's). */
    public String explanation() {
        return explanation;
    }

    /** What the operator can do about it, in English; empty where there is nothing to do. */
    public String wayOut() {
        return wayOut;
    }

    /** Reads a code as written in configuration or stored history, accepting the iOS SDK's spellings. */
    public static Optional<LivenessError> parse(String code) {
        String name = code.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "MUTI_FACE" -> Optional.of(MULTIPLE_FACE);
            case "MUCH_ACTION" -> Optional.of(MUCH_MOTION);
            default -> {
                try {
                    yield Optional.of(valueOf(name));
                } catch (IllegalArgumentException unknown) {
                    yield Optional.empty();
                }
            }
        };
    }
}
