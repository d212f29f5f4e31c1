package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/** What the customer is told of each ending, without a display: the outcome, the one tip, and whether to try again. */
class CustomerResultTest {

    private static CustomerResult firstFailure(LivenessError error) {
        return CustomerResult.of(KioskOutcome.failed(error, "detail"), 1, 2);
    }

    private static KioskOutcome passed(boolean manualCheck) {
        return new KioskOutcome(Optional.empty(), "every action seen", Optional.of("a".repeat(48)), Optional.empty(),
                Optional.of(new byte[] {1}), manualCheck, false);
    }

    @ParameterizedTest
    @EnumSource(value = LivenessError.class, names = {"AUTH_.*", "MODEL_ERROR", "DEVICE_NOT_SUPPORT", "ALREADY_INIT",
            "NO_RESPONSE", "CHECKING_BAD_NETWORK", "UNDEFINED"}, mode = EnumSource.Mode.MATCH_ANY)
    void aFaultOfTheKioskOrTheServiceOffersNoRetryAndSendsTheCustomerToStaff(LivenessError fault) {
        CustomerResult told = firstFailure(fault);
        assertEquals(CustomerResult.Outcome.KIOSK_UNAVAILABLE, told.outcome());
        assertFalse(told.retry());
        assertTrue(told.askStaff());
        assertEquals(Optional.empty(), told.tip(), "nothing the customer does helps");
    }

    @Test
    void eachCauseTheCustomerCanFixHasItsOneTipAndARetry() {
        assertEquals(Optional.of(Prompt.MORE_LIGHT), firstFailure(LivenessError.WEAK_LIGHT).tip());
        assertEquals(Optional.of(Prompt.LESS_LIGHT), firstFailure(LivenessError.STRONG_LIGHT).tip());
        assertEquals(Optional.of(Prompt.LOOK_AT_CAMERA), firstFailure(LivenessError.FACE_MISSING).tip());
        assertEquals(Optional.of(Prompt.CENTER_FACE), firstFailure(LivenessError.PREPARE_TIMEOUT).tip());
        assertEquals(Optional.of(Prompt.ONLY_ONE_PERSON), firstFailure(LivenessError.MULTIPLE_FACE).tip());
        assertEquals(Optional.of(Prompt.HOLD_STILL), firstFailure(LivenessError.MUCH_MOTION).tip());
        assertEquals(Optional.of(Prompt.HOLD_STILL), firstFailure(LivenessError.NO_UPLOAD_IMAGE).tip());
        assertEquals(Optional.empty(), firstFailure(LivenessError.ACTION_TIMEOUT).tip(), "trying again is the whole tip");
        for (LivenessError fixable : new LivenessError[] {LivenessError.WEAK_LIGHT, LivenessError.ACTION_TIMEOUT}) {
            CustomerResult told = firstFailure(fixable);
            assertEquals(CustomerResult.Outcome.NOT_THIS_TIME, told.outcome());
            assertTrue(told.retry() && !told.askStaff(), fixable.name());
        }
    }

    @Test
    void afterTheLastRetryTheCustomerIsSentToStaffAndNoRetryIsAllowedWhenTheSettingIsNone() {
        KioskOutcome tooDark = KioskOutcome.failed(LivenessError.WEAK_LIGHT, "face too dark");
        assertTrue(CustomerResult.of(tooDark, 2, 2).retry());
        assertTrue(CustomerResult.of(tooDark, 3, 2).askStaff());
        assertFalse(CustomerResult.of(tooDark, 3, 2).retry());
        assertTrue(CustomerResult.of(tooDark, 1, 0).askStaff());
    }

    @Test
    void cancellingIsNeitherAFailureNorASentenceToStaff() {
        CustomerResult told = CustomerResult.of(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"), 9, 0);
        assertEquals(CustomerResult.Outcome.STOPPED, told.outcome());
        assertTrue(told.retry());
        assertFalse(told.askStaff());
    }

    @Test
    void aManualCheckIsANeutralThankYouAndAPassNeverOffersARetry() {
        assertEquals(CustomerResult.Outcome.VERIFIED, CustomerResult.of(passed(false), 0, 2).outcome());
        CustomerResult manual = CustomerResult.of(passed(true), 0, 2);
        assertEquals(CustomerResult.Outcome.STAFF_WILL_COMPLETE, manual.outcome());
        assertEquals(UiText.RESULT_MANUAL_CHECK, manual.outcome().title());
        assertFalse(manual.retry() || manual.askStaff());
    }

    @Test
    void evidenceTheServiceRefusedIsTheKiosksFaultNotTheCustomers() {
        KioskOutcome refused = new KioskOutcome(Optional.of(LivenessError.WEAK_LIGHT), "refused by the service: X: y",
                Optional.empty(), Optional.empty(), Optional.empty(), false, true);
        assertEquals(CustomerResult.Outcome.KIOSK_UNAVAILABLE, CustomerResult.of(refused, 1, 2).outcome());
    }

    @Test
    void aWaitingUploadIsSavedNotVerified() {
        KioskOutcome waiting = new KioskOutcome(Optional.of(LivenessError.CHECKING_BAD_NETWORK), "no route",
                Optional.empty(), Optional.of("session-1"), Optional.empty(), false, false);
        CustomerResult told = CustomerResult.of(waiting, 0, 2);
        assertEquals(CustomerResult.Outcome.SAVED, told.outcome());
        assertFalse(told.retry());
    }
}
