package org.livenesskiosk.ui;

import java.util.Optional;

/**
 * A customer's start.
 *
 * @param language          the language the customer chose (or the system's)
 * @param customerReference what the operator typed: the session's bound user id
 */
public record SessionRequest(Language language, Optional<String> customerReference) {
}
