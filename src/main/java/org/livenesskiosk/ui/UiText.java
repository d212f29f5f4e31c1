package org.livenesskiosk.ui;

import org.livenesskiosk.liveness.IdCardCapture;

/**
 * Every label of the kiosk's screens and of the operator console, by its key in the bundles.
 * Texts with {@code {0}} take arguments (see {@link Messages#text(UiText, Object...)}).
 */
public enum UiText {
    WELCOME_TITLE("welcome.title"),
    WELCOME_CHOOSE_LANGUAGE("welcome.chooseLanguage"),
    WELCOME_NO_FLASHES("welcome.noFlashes"),
    WELCOME_CONSENT_TITLE("welcome.consentTitle"),
    WELCOME_CONSENT("welcome.consent"),
    WELCOME_RECORDED("welcome.recorded"),
    WELCOME_KEPT_DAYS("welcome.keptDays"),
    WELCOME_KEPT_UNTIL_DELETED("welcome.keptUntilDeleted"),
    WELCOME_KEPT_UNKNOWN("welcome.keptUnknown"),
    WELCOME_NOTICE_LINK("welcome.noticeLink"),
    WELCOME_NOTICE_STAFF("welcome.noticeStaff"),
    WELCOME_DECLINE("welcome.decline"),
    WELCOME_THE_BANK("welcome.theBank"),
    WELCOME_AGREE("welcome.agree"),
    WELCOME_REFERENCE("welcome.reference"),
    WELCOME_START("welcome.start"),
    WELCOME_NO_THANKS("welcome.noThanks"),
    DETECTION_REMAINING("detection.remaining"),
    DETECTION_CANCEL("detection.cancel"),
    DETECTION_GOOD("detection.good"),
    GUIDE_MOVE_CLOSER("guide.moveCloser"),
    GUIDE_MOVE_BACK("guide.moveBack"),
    GUIDE_MOVE_LEFT("guide.moveLeft"),
    GUIDE_MOVE_RIGHT("guide.moveRight"),
    GUIDE_MOVE_UP("guide.moveUp"),
    GUIDE_MOVE_DOWN("guide.moveDown"),
    READY_TITLE("ready.title"),
    FAR_NEAR_TITLE("farNear.title"),
    READY_FACE_IN_OVAL("ready.faceInOval"),
    READY_LIGHT_IN_FRONT("ready.lightInFront"),
    READY_UNCOVERED("ready.uncovered"),
    VERIFYING_TITLE("verifying.title"),
    RESULT_SUCCESS_TITLE("result.successTitle"),
    RESULT_LIVENESS_ID("result.livenessId"),
    RESULT_MANUAL_CHECK("result.manualCheck"),
    RESULT_PENDING_UPLOAD("result.pendingUpload"),
    RESULT_FAILURE_TITLE("result.failureTitle"),
    RESULT_RETRY("result.retry"),
    RESULT_FINISH("result.finish"),
    RESULT_STOPPED("result.stopped"),
    RESULT_KIOSK_UNAVAILABLE("result.kioskUnavailable"),
    RESULT_ASK_STAFF("result.askStaff"),
    RESULT_COUNTDOWN("result.countdown"),
    RESULT_FOR_STAFF("result.forStaff"),
    SOUND_ON("sound.on"),
    SOUND_OFF("sound.off"),
    LOOK_LARGER_TEXT("look.largerText"),
    LOOK_HIGH_CONTRAST("look.highContrast"),
    CONSOLE_TITLE("console.title"),
    CONSOLE_PIN_ENTER("console.pinEnter"),
    CONSOLE_PIN_CHOOSE("console.pinChoose"),
    CONSOLE_PIN_WRONG("console.pinWrong"),
    CONSOLE_PIN_DELETE("console.pinDelete"),
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
    CONSOLE_CERTIFICATE("console.certificate"),
    CONSOLE_CHALLENGE_FROM_SERVICE("console.challengeFromService"),
    CONSOLE_CAMERA("console.camera"),
    CONSOLE_REFRESH_CAMERAS("console.refreshCameras"),
    CONSOLE_SHOW_CAMERA("console.showCamera"),
    CONSOLE_CHECK_ID_PHOTO("console.checkIdPhoto"),
    ID_PHOTO_NO_CARD("console.idPhotoNoCard"),
    ID_PHOTO_INTO_RECTANGLE("console.idPhotoIntoRectangle"),
    ID_PHOTO_MOVE_CLOSER("console.idPhotoMoveCloser"),
    ID_PHOTO_GLARE("console.idPhotoGlare"),
    ID_PHOTO_BLUR("console.idPhotoBlur"),
    ID_PHOTO_HOLD_STILL("console.idPhotoHoldStill"),
    ID_PHOTO_CAPTURED("console.idPhotoCaptured"),
    CONSOLE_ACTIONS("console.actions"),
    CONSOLE_SHUFFLE("console.shuffle"),
    CONSOLE_ACTIONS_DEFAULT("console.actionsDefault"),
    CONSOLE_ACTION_TIME_LIMIT("console.actionTimeLimit"),
    CONSOLE_PREPARE_TIME_LIMIT("console.prepareTimeLimit"),
    CONSOLE_LEVEL("console.level"),
    CONSOLE_RESULT_IMAGE_SIZE("console.resultImageSize"),
    CONSOLE_LANGUAGES("console.languages"),
    CONSOLE_BANK_NAME("console.bankName"),
    CONSOLE_NOTICE_URL("console.noticeUrl"),
    CONSOLE_VOICE("console.voice"),
    CONSOLE_RECORDING("console.recording"),
    CONSOLE_HIGH_CONTRAST("console.highContrast"),
    CONSOLE_LARGER_TEXT("console.largerText"),
    CONSOLE_IDLE("console.idle"),
    CONSOLE_SAVE("console.save"),
    CONSOLE_SAVED("console.saved"),
    CONSOLE_PROBLEM_SERVICE("console.problemService"),
    CONSOLE_PROBLEM_NOTICE("console.problemNotice"),
    CONSOLE_PROBLEM_NO_LANGUAGE("console.problemNoLanguage"),
    CONSOLE_VERSION("console.version"),
    CONSOLE_LEAVE("console.leave"),
    CONSOLE_TIME("console.time"),
    CONSOLE_REFERENCE("console.reference"),
    CONSOLE_RESULT("console.result"),
    CONSOLE_UPLOAD("console.upload"),
    CONSOLE_UPLOAD_SENT("console.uploadSent"),
    CONSOLE_UPLOAD_WAITING("console.uploadWaiting"),
    CONSOLE_UPLOAD_REFUSED("console.uploadRefused"),
    CONSOLE_UPLOAD_NONE("console.uploadNone"),
    CONSOLE_OUTBOX_EMPTY("console.outboxEmpty"),
    CONSOLE_RETRY_NOW("console.retryNow"),
    CONSOLE_LAST_SESSION("console.lastSession"),
    CONSOLE_VERDICT_VERIFIED("console.verdictVerified"),
    CONSOLE_VERDICT_MANUAL_CHECK("console.verdictManualCheck"),
    CONSOLE_REVIEW_PENDING("console.reviewPending"),
    CONSOLE_REVIEW_APPROVED("console.reviewApproved"),
    CONSOLE_REVIEW_REJECTED("console.reviewRejected"),
    CONSOLE_RETRIES("console.retries"),
    CONSOLE_NO_SESSIONS("console.noSessions");

    private final String key;

    UiText(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** What the console says for "Check ID photo"'s instruction, to the customer holding the card beside the operator. */
    public static UiText idPhoto(IdCardCapture.Guidance guidance) {
        return switch (guidance) {
            case NO_CARD -> ID_PHOTO_NO_CARD;
            case INTO_RECTANGLE -> ID_PHOTO_INTO_RECTANGLE;
            case MOVE_CLOSER -> ID_PHOTO_MOVE_CLOSER;
            case GLARE -> ID_PHOTO_GLARE;
            case BLUR -> ID_PHOTO_BLUR;
            case HOLD_STILL -> ID_PHOTO_HOLD_STILL;
            case CAPTURED -> ID_PHOTO_CAPTURED;
        };
    }
}
