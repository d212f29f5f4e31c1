package org.livenesskiosk.ui;

import java.util.List;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;

/**
 * What the operator sets in the console; kept in the kiosk's configuration file.
 *
 * @param serviceUrl           a standalone liveness service, or empty for the embedded one
 * @param license              this kiosk's license for a standalone service, or empty to use the keys
 * @param source               the camera, named as a source ({@code camera:0}, {@code webcam:NAME}) or a clip
 * @param challengeFromService ask for what the service's account says, rather than the actions and limits here
 * @param actions              the actions to ask for, in order or shuffled; none for the SDK's default (two of blink,
 *                             mouth and head turn at random, the turn last)
 * @param languages            the languages the welcome screen offers
 * @param voice                speak the prompts
 * @param recordSessions       record each session's frames, for troubleshooting; each recording is kept
 *                             {@link #RECORDING_DAYS} (the consent says so)
 * @param idleSeconds          how long the result stays before the kiosk returns to the welcome screen
 * @param pinHash              the operator PIN, hashed ({@link OperatorPin}); empty until the operator chooses one
 * @param enrollmentCode       the one-time code from the bank's administrator that enrols this kiosk with a standalone
 *                             service; empty when it is enrolled, or for the embedded service
 * @param resultImageSize      the side of the square best image, 300–1000 pixels
 * @param highContrast         the customers' screens in white and yellow on black, for poor sight
 * @param largerText           every text of the customers' screens a quarter larger
 * @param retries              how many times a customer may try again after a failure they can fix, before the kiosk
 *                             sends them to a member of staff
 * @param bankName             who receives the customer's data (the data controller), named in the consent; empty for
 *                             "the bank"
 * @param noticeUrl            the bank's full privacy notice, an http(s) address the consent shows as a QR code and a
 *                             link; empty when there is none to show
 */
public record KioskSettings(String serviceUrl, String market, String applicationId, String license, String accessKey,
                            String secretKey, String source, boolean challengeFromService, List<ActionType> actions,
                            boolean shuffle, int actionTimeLimitSeconds, int prepareTimeLimitSeconds,
                            DetectionLevel level, List<Language> languages, boolean voice, boolean recordSessions,
                           int idleSeconds, String pinHash, String enrollmentCode, int resultImageSize, boolean highContrast,
                           boolean largerText, int retries, String bankName, String noticeUrl) {

    /** How long a session's recording stays on the kiosk: long enough to look into a problem seen today. */
    public static final int RECORDING_DAYS = 1;

    public KioskSettings {
        actions = List.copyOf(actions);
        languages = List.copyOf(languages);
    }

    /** A new kiosk: the embedded service, the first camera, the service's challenge, every language, voice on. */
    public static KioskSettings defaults() {
        return new KioskSettings("", "", "", "", "", "", "camera:0", true, List.of(), false, 10, 10, DetectionLevel.NORMAL,
                List.of(Language.values()), true, false, 30, "", "", 600, false, false, 2, "", "");
    }

    public KioskSettings withPinHash(String hash) {
        return new KioskSettings(serviceUrl, market, applicationId, license, accessKey, secretKey, source,
                challengeFromService, actions, shuffle, actionTimeLimitSeconds, prepareTimeLimitSeconds, level,
                languages, voice, recordSessions, idleSeconds, hash, enrollmentCode, resultImageSize, highContrast, largerText, retries,
                bankName, noticeUrl);
    }

    public KioskSettings withIdleSeconds(int seconds) {
        return new KioskSettings(serviceUrl, market, applicationId, license, accessKey, secretKey, source,
                challengeFromService, actions, shuffle, actionTimeLimitSeconds, prepareTimeLimitSeconds, level,
                languages, voice, recordSessions, seconds, pinHash, enrollmentCode, resultImageSize, highContrast, largerText, retries,
                bankName, noticeUrl);
    }

    public KioskSettings withEnrollmentCode(String code) {
        return new KioskSettings(serviceUrl, market, applicationId, license, accessKey, secretKey, source,
                challengeFromService, actions, shuffle, actionTimeLimitSeconds, prepareTimeLimitSeconds, level,
                languages, voice, recordSessions, idleSeconds, pinHash, code, resultImageSize, highContrast, largerText, retries,
                bankName, noticeUrl);
    }

    public KioskSettings withLook(boolean highContrastLook, boolean largerTextLook) {
        return new KioskSettings(serviceUrl, market, applicationId, license, accessKey, secretKey, source,
                challengeFromService, actions, shuffle, actionTimeLimitSeconds, prepareTimeLimitSeconds, level,
                languages, voice, recordSessions, idleSeconds, pinHash, enrollmentCode, resultImageSize, highContrastLook, largerTextLook,
                retries, bankName, noticeUrl);
    }

    /** The consent's data controller and full notice, as the operator names them. */
    public KioskSettings withNotice(String bank, String notice) {
        return new KioskSettings(serviceUrl, market, applicationId, license, accessKey, secretKey, source,
                challengeFromService, actions, shuffle, actionTimeLimitSeconds, prepareTimeLimitSeconds, level,
                languages, voice, recordSessions, idleSeconds, pinHash, enrollmentCode, resultImageSize, highContrast, largerText,
                retries, bank, notice);
    }

    /** Never shows the secrets: settings may end up in a log line. */
    @Override
    public String toString() {
        return "KioskSettings[service=" + (serviceUrl.isBlank() ? "embedded" : serviceUrl) + ", source=" + source
                + ", actions=" + actions + ", level=" + level + ", languages=" + languages + ", voice=" + voice + "]";
    }
}
