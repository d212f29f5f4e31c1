package org.livenesskiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A reviewer's password kept as its Argon2id hash: the stated costs, a salt of its own, nothing else matches. */
class Argon2idTest {

    @Test
    void theHashNamesItsCostsAndOnlyThePasswordMatchesIt() {
        String hash = Argon2id.hash("correct horse battery");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("correct horse"));
        assertTrue(Argon2id.matches("correct horse battery", hash));
        assertFalse(Argon2id.matches("correct horse batterY", hash));
        assertFalse(Argon2id.matches("", hash));
        assertNotEquals(hash, Argon2id.hash("correct horse battery"), "each hash has a salt of its own");
    }

    @Test
    void aHashMadeUnderOtherCostsStillVerifiesAndAnythingElseMatchesNothing() {
        String hash = Argon2id.hash("correct horse battery");
        // The same salt and output, but another memory cost: what the stored string says is what is computed.
        String cheaper = hash.replace("m=19456", "m=8192");

        assertFalse(Argon2id.matches("correct horse battery", cheaper));
        assertFalse(Argon2id.matches("correct horse battery", "$2a$10$notargon"));
        assertFalse(Argon2id.matches("correct horse battery", ""));
    }
}
