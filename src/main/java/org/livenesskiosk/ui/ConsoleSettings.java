package org.livenesskiosk.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the console's settings form, as a plain class the form only follows: what the
 * operator chose is checked before it is kept, and each mistake is named in the operator's
 * language, so that nothing is saved half-right or silently replaced by the previous choice.
 */
final class ConsoleSettings {

    private ConsoleSettings() {
    }

    /** What is wrong with the chosen settings, each as the text that tells the operator; empty when they may be kept. */
    static List<UiText> problems(KioskSettings chosen) {
        List<UiText> problems = new ArrayList<>();
        if (!chosen.serviceUrl().isEmpty() && !isWebAddress(chosen.serviceUrl())) {
            problems.add(UiText.CONSOLE_PROBLEM_SERVICE);
        }
        if (!chosen.noticeUrl().isEmpty() && !isWebAddress(chosen.noticeUrl())) {
            problems.add(UiText.CONSOLE_PROBLEM_NOTICE);
        }
        if (chosen.languages().isEmpty()) {
            problems.add(UiText.CONSOLE_PROBLEM_NO_LANGUAGE);
        }
        return problems;
    }

    /** An http or https address with a host: what the kiosk's client can reach, and a customer's phone can open. */
    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
