package org.livenesskiosk.ui;

import java.util.Optional;

/**
 * A customer's start.
 *
 * @param language          the language the customer chose (or the system's)
 * @param customerReference what the operator typed: the session's bound user id
 * @param flashesAllowed    whether the screen may show the light step's colours to this customer (not for a
 *                          photosensitive one)
 */
public record SessionRequest(Language language, Optional<String> customerReference, boolean flashesAllowed) {

    /** A customer who has not asked for a screen without flashes. */
    public SessionRequest(Language language, Optional<String> customerReference) {
        this(language, customerReference, true);
    }
}
