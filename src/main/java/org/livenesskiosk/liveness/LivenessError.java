package org.livenesskiosk.liveness;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The public error codes, exactly as {@code ERROR_CODES.md} names them (the mobile SDK's Android
 * names, so that integrators' back ends keep working). Their explanations and ways out, in all six
 * languages, are in the {@code i18n/} bundles.
 */
public enum LivenessError {
    // Decided on the kiosk.
    FACE_MISSING,
    ACTION_TIMEOUT,
    PREPARE_TIMEOUT,
    MULTIPLE_FACE,
    MUCH_MOTION,
    WEAK_LIGHT,
    STRONG_LIGHT,
    USER_GIVE_UP,
    DEVICE_NOT_SUPPORT,
    MODEL_ERROR,
    NO_UPLOAD_IMAGE,
    ALREADY_INIT,
    // Decided with the service.
    AUTH_BAD_NETWORK,
    CHECKING_BAD_NETWORK,
    NO_RESPONSE,
    AUTH_PARAMETER_ERROR,
    AUTH_IAM_FAILED,
    AUTH_TICKET_DISABLE,
    AUTH_ACCOUNT_ACCESS_DENIED,
    UNDEFINED;

    /**
     * The name the iOS SDK v3.6 gives this code ({@code AAILivenessFailedResult.errorCode}), for
     * integrators whose back ends were written for it: it spells two codes its own way, and reports
     * every failed network request as {@code NO_RESPONSE}. The codes it has no name of its own for
     * keep the Android name.
     */
    public String iosName() {
        return switch (this) {
            case MULTIPLE_FACE -> "MUTI_FACE";
            case MUCH_MOTION -> "MUCH_ACTION";
            case AUTH_BAD_NETWORK, CHECKING_BAD_NETWORK -> NO_RESPONSE.name();
            default -> name();
        };
    }

    /** Reads a code as written in configuration or stored history, accepting the iOS SDK's spellings. */
    public static Optional<LivenessError> parse(String code) {
        String name = code.trim().toUpperCase(Locale.ROOT);
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException notAnAndroidName) {
            return Arrays.stream(values()).filter(error -> error.iosName().equals(name)).findFirst();
        }
    }
}
