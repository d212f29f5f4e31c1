package org.livenesskiosk.ui;

/**
 * Every label of the kiosk's screens and of the operator console, by its key in the bundles.
 * Texts with {@code {0}} take arguments (see {@link Messages#text(UiText, Object...)}).
 */
public enum UiText {
    WELCOME_TITLE("welcome.title"),
    WELCOME_CHOOSE_LANGUAGE("welcome.chooseLanguage"),
    WELCOME_CONSENT_TITLE("welcome.consentTitle"),
    WELCOME_CONSENT("welcome.consent"),
    WELCOME_AGREE("welcome.agree"),
    WELCOME_REFERENCE("welcome.reference"),
    WELCOME_START("welcome.start"),
    DETECTION_PREPARING("detection.preparing"),
    DETECTION_STEP("detection.step"),
    DETECTION_REMAINING("detection.remaining"),
    DETECTION_CANCEL("detection.cancel"),
    VERIFYING_TITLE("verifying.title"),
    RESULT_SUCCESS_TITLE("result.successTitle"),
    RESULT_LIVENESS_ID("result.livenessId"),
    RESULT_VERIFIED("result.verified"),
    RESULT_MANUAL_CHECK("result.manualCheck"),
    RESULT_PENDING_UPLOAD("result.pendingUpload"),
    RESULT_FAILURE_TITLE("result.failureTitle"),
    RESULT_RETRY("result.retry"),
    RESULT_FINISH("result.finish"),
    SOUND_ON("sound.on"),
    SOUND_OFF("sound.off"),
    CONSOLE_TITLE("console.title"),
    CONSOLE_PIN_ENTER("console.pinEnter"),
    CONSOLE_PIN_CHOOSE("console.pinChoose"),
    CONSOLE_PIN_WRONG("console.pinWrong"),
    CONSOLE_PIN_TOO_SHORT("console.pinTooShort"),
    CONSOLE_PIN_LOCKED("console.pinLocked"),
    CONSOLE_OK("console.ok"),
    CONSOLE_CLOSE("console.close"),
    CONSOLE_SETTINGS("console.settings"),
    CONSOLE_HISTORY("console.history"),
    CONSOLE_OUTBOX("console.outbox"),
    CONSOLE_SERVICE("console.service"),
    CONSOLE_MARKET("console.market"),
    CONSOLE_APPLICATION_ID("console.applicationId"),
    CONSOLE_LICENSE("console.license"),
    CONSOLE_ACCESS_KEY("console.accessKey"),
    CONSOLE_SECRET_KEY("console.secretKey"),
    CONSOLE_ENROLLMENT_CODE("console.enrollmentCode"),
    CONSOLE_AUTHORIZATION("console.authorization"),
    CONSOLE_AUTHORIZED("console.authorized"),
    CONSOLE_CHALLENGE_FROM_SERVICE("console.challengeFromService"),
    CONSOLE_CAMERA("console.camera"),
    CONSOLE_REFRESH_CAMERAS("console.refreshCameras"),
    CONSOLE_SHOW_CAMERA("console.showCamera"),
    CONSOLE_ACTIONS("console.actions"),
    CONSOLE_SHUFFLE("console.shuffle"),
    CONSOLE_ACTION_TIME_LIMIT("console.actionTimeLimit"),
    CONSOLE_PREPARE_TIME_LIMIT("console.prepareTimeLimit"),
    CONSOLE_LEVEL("console.level"),
    CONSOLE_RESULT_IMAGE_SIZE("console.resultImageSize"),
    CONSOLE_LANGUAGES("console.languages"),
    CONSOLE_VOICE("console.voice"),
    CONSOLE_RECORDING("console.recording"),
    CONSOLE_IDLE("console.idle"),
    CONSOLE_SAVE("console.save"),
    CONSOLE_SAVED("console.saved"),
    CONSOLE_VERSION("console.version"),
    CONSOLE_LEAVE("console.leave"),
    CONSOLE_TIME("console.time"),
    CONSOLE_REFERENCE("console.reference"),
    CONSOLE_RESULT("console.result"),
    CONSOLE_UPLOAD("console.upload"),
    CONSOLE_UPLOAD_SENT("console.uploadSent"),
    CONSOLE_UPLOAD_WAITING("console.uploadWaiting"),
    CONSOLE_UPLOAD_NONE("console.uploadNone"),
    CONSOLE_OUTBOX_EMPTY("console.outboxEmpty"),
    CONSOLE_RETRY_NOW("console.retryNow");

    private final String key;

    UiText(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
