package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.PassiveCues;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.UploadRequest;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The service's storage over JDBC: a SQLite file by default, schema by Flyway migrations.
 * Secrets and images are encrypted with the service's key before they are written.
 */
final class Store implements AutoCloseable {

    /** Connections one node holds to a fleet's database: a few per check running, well under PostgreSQL's 100 for a fleet. */
    private static final int DATABASE_CONNECTIONS = 12;
    /**
     * Rows a read takes from the database at once: 64 of the replay look-up's fingerprint rows (about
     * 8 KB each) are half a megabyte, and the desk's longest lists come in a few round trips.
     */
    private static final int ROWS_A_FETCH = 64;
    /** Draws the verified sessions sampled for review: nobody may tell in advance which will be looked at. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An account with its decrypted secret, for checking a token request's signature. */
    record Account(String id, String name, String market, String accessKey, String secretKey, boolean enabled) {
        @Override
        public String toString() {
            return "Account[" + id + ", " + name + ", " + market + "]";
        }
    }

    /**
     * A stored result, the image still encrypted.
     *
     * @param attackType   with a score of 0: the SDK provider's 1 presentation, 2 injection, 3 unsure
     * @param attackReason        what exactly the service found, for an auditor
     * @param encryptedAuditImage a frame from the actions, for a person reviewing the result
     * @param farNearImages       the far/near stage's two images, when the session had the stage
     * @param lightCheck          what the light check made of the session, when its challenge asked for the light step
     * @param encryptedDocumentImage the portrait on the customer's identity document, when the kiosk captured one
     * @param observed            what a reviewer reads of the session beside its images; empty for a result stored before it was kept
     */
    record StoredResult(String livenessId, String accountId, String sessionId, Optional<String> signatureId,
                        Optional<String> userId, int score, Optional<String> attackType, Optional<String> attackReason,
                        String sdkVersion, String platform, Optional<byte[]> encryptedImage, Optional<byte[]> encryptedAuditImage,
                        Optional<FarNearImages> farNearImages, Optional<String> lightCheck, Optional<byte[]> encryptedDocumentImage,
                        Optional<Observed> observed) {

        /** A result without a document portrait, nor what a reviewer reads of it. */
        StoredResult(String livenessId, String accountId, String sessionId, Optional<String> signatureId,
                     Optional<String> userId, int score, Optional<String> attackType, Optional<String> attackReason,
                     String sdkVersion, String platform, Optional<byte[]> encryptedImage, Optional<byte[]> encryptedAuditImage,
                     Optional<FarNearImages> farNearImages, Optional<String> lightCheck) {
            this(livenessId, accountId, sessionId, signatureId, userId, score, attackType, attackReason, sdkVersion, platform,
                    encryptedImage, encryptedAuditImage, farNearImages, lightCheck, Optional.empty(), Optional.empty());
        }
    }

    /**
     * What a reviewer reads of a session beside its images: numbers and names, no picture.
     *
     * @param actions     the actions the kiosk claimed, in the order asked, each when in the recording
     * @param recordingMs the recording's last frame's time: its length
     * @param light       when the light step's colours were on the kiosk's screen, the first's start to the last's end; empty
     *                    without the step, or when the screen showed none
     * @param cues        the passive cues the re-run measured; empty when the check stopped before
     * @param replay      what the replay look-up found; empty when an injection was found before it
     */
    record Observed(List<UploadRequest.Action> actions, long recordingMs, Optional<Span> light, Optional<PassiveCues> cues,
                    Optional<Fingerprints.Replay> replay) {
    }

    /** A stretch of the recording, in its milliseconds. */
    record Span(long fromMs, long toMs) {
    }

    /**
     * The far and near face images, encrypted, and when each was taken in the session's time.
     */
    record FarNearImages(byte[] encryptedFar, long farAtMs, byte[] encryptedNear, long nearAtMs) {
    }

    private final DataSource dataSource;
    private final SecretBox secrets;

    private Store(DataSource dataSource, SecretBox secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    /** The SQLite file of a single service: the default. */
    static Store sqlite(Path file, SecretBox secrets) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return migrated(dataSource, secrets);
    }

    /** A PostgreSQL database shared by a fleet's services ({@code jdbc:postgresql://host/db?user=…&password=…}). */
    static Store postgresql(String jdbcUrl, SecretBox secrets) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("A fleet database is a jdbc:postgresql: URL");
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(DATABASE_CONNECTIONS);
        pool.setPoolName("liveness-database");
        return migrated(new HikariDataSource(pool), secrets);
    }

    private static Store migrated(DataSource dataSource, SecretBox secrets) {
        // Nodes of a fleet starting together migrate one at a time: Flyway locks the database.
        Flyway.configure().dataSource(dataSource).load().migrate();
        Store store = new Store(dataSource, secrets);
        store.requireKeyOfThisDatabase();
        return store;
    }

    /**
     * The first service to open the database notes its key's check; a service given any other key
     * is refused, before it could write records no other node can read.
     */
    private void requireKeyOfThisDatabase() {
        String check = secrets.keyCheck();
        update("INSERT INTO service_key (id, key_check) VALUES (1, ?) ON CONFLICT DO NOTHING", check);
        String expected = queryOne("SELECT key_check FROM service_key WHERE id = 1", row -> row.getString(1)).orElseThrow();
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), check.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalStateException("This service's key is not the key of this database's records: give every node "
                    + "of the fleet the same key (serve --key-file FILE, or " + SecretBox.ENVIRONMENT + ")");
        }
    }

    /** Whether the database answers: the fleet's readiness check. */
    boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    Account createAccount(String name, String market, String accessKey, String secretKey) {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO account (id, name, market, access_key, secret_key, enabled) VALUES (?, ?, ?, ?, ?, 1)",
                id, name, market, accessKey, secrets.encrypt(secretKey.getBytes(StandardCharsets.UTF_8)));
        return new Account(id, name, market, accessKey, secretKey, true);
    }

    void addApplication(String accountId, String applicationId) {
        update("INSERT INTO application (account_id, application_id) VALUES (?, ?)", accountId, applicationId);
    }

    void setEnabled(String accountId, boolean enabled) {
        update("UPDATE account SET enabled = ? WHERE id = ?", enabled ? 1 : 0, accountId);
    }

    /** Whether any account may use the service. */
    boolean hasAccounts() {
        return queryOne("SELECT 1 FROM account WHERE enabled = 1 LIMIT 1", row -> true).isPresent();
    }

    Optional<Account> accountByAccessKey(String accessKey) {
        return queryOne("SELECT id, name, market, access_key, secret_key, enabled FROM account WHERE access_key = ?",
                this::account, accessKey);
    }

    Optional<Account> accountById(String id) {
        return queryOne("SELECT id, name, market, access_key, secret_key, enabled FROM account WHERE id = ?",
                this::account, id);
    }

    boolean hasApplication(String accountId, String applicationId) {
        return queryOne("SELECT 1 FROM application WHERE account_id = ? AND application_id = ?", row -> true,
                accountId, applicationId).isPresent();
    }

    void saveToken(String tokenHash, String accountId, long expiresAt) {
        update("INSERT INTO access_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)", tokenHash, accountId, expiresAt);
    }

    /** The account of a token that has not expired. */
    Optional<String> accountOfToken(String tokenHash, long now) {
        return queryOne("SELECT account_id FROM access_token WHERE token_hash = ? AND expires_at > ?",
                row -> row.getString(1), tokenHash, now);
    }

    void saveTicket(String ticketHash, String accountId, String applicationId, String deviceId, long expiresAt) {
        update("INSERT INTO kiosk_ticket (ticket_hash, account_id, application_id, device_id, expires_at) VALUES (?, ?, ?, ?, ?)",
                ticketHash, accountId, applicationId, deviceId, expiresAt);
    }

    Optional<String> accountOfTicket(String ticketHash, long now) {
        return queryOne("SELECT account_id FROM kiosk_ticket WHERE ticket_hash = ? AND expires_at > ?",
                row -> row.getString(1), ticketHash, now);
    }

    void saveSignatureId(String signatureId, String accountId, long now) {
        update("INSERT INTO signature (signature_id, account_id, created_at) VALUES (?, ?, ?)", signatureId, accountId, now);
    }

    /** Binds a signatureId to its one result; false when it is unknown or already used. */
    boolean useSignatureId(Connection connection, String signatureId, String accountId, String livenessId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE signature SET liveness_id = ? WHERE signature_id = ? AND account_id = ? AND liveness_id IS NULL")) {
            bind(statement, livenessId, signatureId, accountId);
            return statement.executeUpdate() == 1;
        }
    }

    Optional<StoredResult> resultBySession(String accountId, String sessionId) {
        return queryOne(RESULT_COLUMNS + " WHERE account_id = ? AND session_id = ?", Store::result, accountId, sessionId);
    }

    Optional<StoredResult> resultByLivenessId(String accountId, String livenessId) {
        return queryOne(RESULT_COLUMNS + " WHERE account_id = ? AND liveness_id = ?", Store::result, accountId, livenessId);
    }

    /** For a signed image link, which names no account. */
    Optional<StoredResult> resultByLivenessIdAnyAccount(String livenessId) {
        return queryOne(RESULT_COLUMNS + " WHERE liveness_id = ?", Store::result, livenessId);
    }

    Optional<StoredResult> resultBySignatureId(String accountId, String signatureId) {
        return queryOne(RESULT_COLUMNS + " WHERE account_id = ? AND signature_id = ?", Store::result, accountId, signatureId);
    }

    boolean signatureIdExists(String accountId, String signatureId) {
        return queryOne("SELECT 1 FROM signature WHERE account_id = ? AND signature_id = ?", row -> true, accountId, signatureId)
                .isPresent();
    }

    /**
     * Stores a result with its face fingerprints, filed in the replay index under its face's buckets,
     * binding its signatureId in the same transaction, unless another upload of the same session (on
     * this node or another) stored one first.
     *
     * @return the session's one result: this one, or the one stored first
     * @throws ServiceException when the signatureId is unknown or already used
     */
    StoredResult saveResult(StoredResult result, Fingerprints fingerprints, String deviceId, long now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Waits for a racing upload of the same session to commit, then stores nothing.
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO liveness_result (liveness_id, account_id, "
                        + "session_id, signature_id, user_id, score, attack_type, attack_reason, sdk_version, platform, best_image, "
                        + "audit_image, created_at, far_image, far_image_time, near_image, near_image_time, light_check, device_id, "
                        + "document_image, claimed_actions, recording_ms, light_from_ms, light_to_ms, texture, textured_frames, "
                        + "flatness, flat_pairs, perspective, replay) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (account_id, session_id) DO NOTHING")) {
                    Optional<FarNearImages> stage = result.farNearImages();
                    Optional<Observed> observed = result.observed();
                    Optional<Span> light = observed.flatMap(Observed::light);
                    Optional<PassiveCues> cues = observed.flatMap(Observed::cues);
                    bind(statement, result.livenessId(), result.accountId(), result.sessionId(), result.signatureId().orElse(null),
                            result.userId().orElse(null), result.score(), result.attackType().orElse(null),
                            result.attackReason().orElse(null), result.sdkVersion(), result.platform(),
                            result.encryptedImage().orElse(null), result.encryptedAuditImage().orElse(null), now,
                            stage.map(FarNearImages::encryptedFar).orElse(null), stage.map(FarNearImages::farAtMs).orElse(null),
                            stage.map(FarNearImages::encryptedNear).orElse(null), stage.map(FarNearImages::nearAtMs).orElse(null),
                            result.lightCheck().orElse(null), deviceId, result.encryptedDocumentImage().orElse(null),
                            observed.map(found -> actionsText(found.actions())).orElse(null),
                            observed.map(Observed::recordingMs).orElse(null), light.map(Span::fromMs).orElse(null),
                            light.map(Span::toMs).orElse(null), cues.flatMap(cue -> boxed(cue.texture())).orElse(null),
                            cues.map(PassiveCues::texturedFrames).orElse(null), cues.flatMap(cue -> boxed(cue.flatness())).orElse(null),
                            cues.map(PassiveCues::flatPairs).orElse(null), cues.flatMap(cue -> boxed(cue.perspective())).orElse(null),
                            observed.flatMap(Observed::replay).map(Enum::name).orElse(null));
                    if (statement.executeUpdate() == 0) {
                        connection.rollback();
                        return resultBySession(result.accountId(), result.sessionId()).orElseThrow(
                                () -> new IllegalStateException("The session's result vanished while it was being stored"));
                    }
                }
                if (result.signatureId().isPresent()
                        && !useSignatureId(connection, result.signatureId().get(), result.accountId(), result.livenessId())) {
                    connection.rollback();
                    throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown or has already been used");
                }
                if (ReviewQueue.leftToAPerson(result.score(), result.attackType())
                        || result.score() >= KioskRoutes.PASSING_SCORE && sampledForReview(connection, result.accountId())) {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "INSERT INTO review_queue (liveness_id, account_id, queued_at) VALUES (?, ?, ?)")) {
                        bind(statement, result.livenessId(), result.accountId(), now);
                        statement.executeUpdate();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO fingerprint (liveness_id, created_at, hashes, account_id, device_id) VALUES (?, ?, ?, ?, ?)")) {
                    bind(statement, result.livenessId(), now, fingerprints.toBytes(), result.accountId(), deviceId);
                    statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO replay_bucket (bucket, liveness_id, created_at) VALUES (?, ?, ?)")) {
                    for (long bucket : fingerprints.buckets().orElse(new long[0])) {
                        bind(statement, bucket, result.livenessId(), now);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The result could not be stored", e);
        }
    }

    /** Whether this verified session is one of the share the account has reviewed as well, drawn now. */
    private static boolean sampledForReview(Connection connection, String accountId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT review_sample_percent FROM account WHERE id = ?")) {
            bind(statement, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && RANDOM.nextInt(100) < rows.getInt(1);
            }
        }
    }

    /** The share of the account's verified sessions, in percent, queued for a person as well. */
    void setReviewSample(String accountId, int percent) {
        update("UPDATE account SET review_sample_percent = ? WHERE id = ?", percent, accountId);
    }

    void saveChallenge(Challenges.Challenge challenge) {
        update("INSERT INTO challenge (challenge_id, account_id, device_id, plan, action_time_limit_ms, prepare_time_limit_ms, "
                + "level, result_image_size, min_distance_cm, max_distance_cm, issued_at, expires_at, far_near_time_limit_ms, "
                + "light_sequence, unlit_verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                challenge.challengeId(), challenge.accountId(), challenge.deviceId(),
                String.join(",", challenge.plan().stream().map(ActionType::name).toList()), challenge.actionTimeLimitMs(),
                challenge.prepareTimeLimitMs(), challenge.level().name(), challenge.resultImageSize(), challenge.minDistanceCm(),
                challenge.maxDistanceCm(), challenge.issuedAt(), challenge.expiresAt(), challenge.farNearTimeLimitMs().orElse(null),
                challenge.light().map(Store::lightText).orElse(null), challenge.unlitVerified() ? 1 : 0);
    }

    /** A light sequence as a column keeps it: {@code rgb:ms} per colour, comma-separated (at most 10 × 15 characters). */
    private static String lightText(LightSequence light) {
        return String.join(",", light.flashes().stream().map(flash -> flash.rgb() + ":" + flash.durationMs()).toList());
    }

    private static LightSequence lightSequence(String text) {
        return new LightSequence(Arrays.stream(text.split(",")).map(flash -> flash.split(":"))
                .map(parts -> new LightSequence.Flash(Integer.parseInt(parts[0]), Long.parseLong(parts[1]))).toList());
    }

    /** Marks the challenge's colours shown, unless they were already: the first kiosk request to ask for them gets them. */
    boolean revealLight(String challengeId, long now) {
        return update("UPDATE challenge SET light_revealed_at = ? WHERE challenge_id = ? AND light_revealed_at IS NULL", now,
                challengeId) == 1;
    }


    Optional<Challenges.Challenge> challenge(String challengeId) {
        return queryOne("SELECT challenge_id, account_id, device_id, plan, action_time_limit_ms, prepare_time_limit_ms, level, "
                + "result_image_size, min_distance_cm, max_distance_cm, issued_at, expires_at, session_id, far_near_time_limit_ms, "
                + "light_sequence, unlit_verified, light_revealed_at FROM challenge WHERE challenge_id = ?",
                row -> new Challenges.Challenge(row.getString(1), row.getString(2), row.getString(3),
                        Arrays.stream(row.getString(4).split(",")).map(ActionType::valueOf).toList(), row.getLong(5),
                        row.getLong(6), DetectionLevel.valueOf(row.getString(7)), row.getInt(8), row.getDouble(9),
                        row.getDouble(10), Optional.ofNullable((Number) row.getObject(14)).map(Number::longValue),
                        Optional.ofNullable(row.getString(15)).map(Store::lightSequence), row.getInt(16) == 1,
                        Optional.ofNullable((Number) row.getObject(17)).map(Number::longValue), row.getLong(11), row.getLong(12), Optional.ofNullable(row.getString(13))), challengeId);
    }

    /** Binds the challenge to the session, unless another session answered it already. */
    boolean claimChallenge(String challengeId, String sessionId) {
        return update("UPDATE challenge SET session_id = ? WHERE challenge_id = ? AND (session_id IS NULL OR session_id = ?)",
                sessionId, challengeId, sessionId) == 1;
    }

    /**
     * What {@code use} makes of the sessions since {@code since} filed under any of the buckets, with
     * their face fingerprints: one indexed lookup per bucket, whatever the number of sessions stored.
     * The sessions are read as {@code use} asks for them, one at a time, and never all held at once:
     * one face can be filed thousands of times (a customer who comes back every day, a kiosk that
     * sends one face again and again), and a look-up that stops at the first replay reads no further.
     */
    <T> T withFingerprintsIn(long[] buckets, long since, Function<Stream<Fingerprints.Earlier>, T> use) {
        Object[] parameters = new Object[buckets.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            parameters[i] = buckets[i];
        }
        parameters[buckets.length] = since;
        return query(fingerprintsInSql(buckets.length),
                row -> new Fingerprints.Earlier(Fingerprints.fromBytes(row.getBytes(1)), Optional.ofNullable(row.getString(2)),
                        Optional.ofNullable(row.getString(3)), row.getLong(4)), use, parameters);
    }

    /**
     * The look-up of {@link #withFingerprintsIn}, for so many buckets, then the time since: the
     * buckets' sessions are read from their index alone (migration V21), a face's side by side.
     */
    static String fingerprintsInSql(int buckets) {
        return "SELECT hashes, account_id, device_id, created_at FROM fingerprint WHERE liveness_id IN "
                + "(SELECT liveness_id FROM replay_bucket WHERE bucket IN (" + String.join(",", Collections.nCopies(buckets, "?"))
                + ") AND created_at >= ?)";
    }

    /** How many sessions' fingerprints are kept since {@code since}. */
    int fingerprintsSince(long since) {
        return queryOne("SELECT COUNT(*) FROM fingerprint WHERE created_at >= ?", row -> row.getInt(1), since).orElse(0);
    }

    /** Forgets the fingerprints and buckets older than the replay window: they are kept no longer than needed. */
    void deleteFingerprintsBefore(long before) {
        update("DELETE FROM replay_bucket WHERE created_at < ?", before);
        update("DELETE FROM fingerprint WHERE created_at < ?", before);
    }

    void recordDeviceFailure(String accountId, String deviceId, long now) {
        update("INSERT INTO device_failure (account_id, device_id, failed_at) VALUES (?, ?, ?)", accountId, deviceId, now);
    }

    /** When the device's failures since {@code since} began, oldest first. */
    List<Long> deviceFailuresSince(String accountId, String deviceId, long since) {
        return queryAll("SELECT failed_at FROM device_failure WHERE account_id = ? AND device_id = ? AND failed_at >= ? "
                + "ORDER BY failed_at", row -> row.getLong(1), accountId, deviceId, since);
    }

    /** The device a ticket was issued to. */
    Optional<String> deviceOfTicket(String ticketHash) {
        return queryOne("SELECT device_id FROM kiosk_ticket WHERE ticket_hash = ?", row -> row.getString(1), ticketHash);
    }

    /** The account's challenge settings, or the defaults when none were set; no actions stored is the SDK's default. */
    ChallengeSettings settings(String accountId) {
        return queryOne("SELECT actions, shuffle, action_time_limit_ms, prepare_time_limit_ms, level, result_image_size, "
                + "far_near, far_near_time_limit_ms, light, unlit_verified FROM account_settings WHERE account_id = ?",
                row -> new ChallengeSettings(
                        row.getString(1).isEmpty() ? List.of() : List.of(row.getString(1).split(",")), row.getInt(2) == 1,
                        row.getLong(3), row.getLong(4), row.getString(5), row.getInt(6), row.getInt(7) == 1, row.getLong(8),
                        row.getInt(9) == 1, row.getInt(10) == 1),
                accountId)
                .orElse(ChallengeSettings.defaults());
    }

    /** The similarity from which the account's {@code face/v1/compare} answers a match: the measured default when none was set. */
    int matchThreshold(String accountId) {
        return queryOne("SELECT match_threshold FROM account_settings WHERE account_id = ?", row -> row.getInt(1), accountId)
                .orElse(FaceComparison.DEFAULT_MATCH_THRESHOLD);
    }

    void saveSettings(String accountId, ChallengeSettings settings, int matchThreshold) {
        update("DELETE FROM account_settings WHERE account_id = ?", accountId);
        update("INSERT INTO account_settings (account_id, actions, shuffle, action_time_limit_ms, prepare_time_limit_ms, level, "
                + "result_image_size, far_near, far_near_time_limit_ms, light, unlit_verified, match_threshold) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                accountId, String.join(",", settings.actions()), settings.shuffle() ? 1 : 0, settings.actionTimeLimitMs(),
                settings.prepareTimeLimitMs(), settings.level(), settings.resultImageSize(), settings.farNear() ? 1 : 0,
                settings.farNearTimeLimitMs(), settings.light() ? 1 : 0, settings.unlitVerified() ? 1 : 0, matchThreshold);
    }

    /**
     * Deletes the images (best, audit, far and near, the document's portrait) of the results made before {@code before};
     * their livenessId, score, attack type and times stay, and their one-way fingerprints stay for
     * the replay window.
     *
     * @return how many results lost their images
     */
    int forgetFacesBefore(long before) {
        return update("UPDATE liveness_result SET best_image = NULL, audit_image = NULL, far_image = NULL, near_image = NULL, "
                + "document_image = NULL WHERE created_at < ? AND (best_image IS NOT NULL OR audit_image IS NOT NULL "
                + "OR far_image IS NOT NULL OR near_image IS NOT NULL OR document_image IS NOT NULL)", before);
    }

    /**
     * Deletes a result and its images: the customer's right to erasure. Its one-way fingerprints
     * stay until the replay window ends, or the deleted session could be replayed at once.
     */
    boolean deleteResult(String accountId, String livenessId) {
        return update("DELETE FROM liveness_result WHERE account_id = ? AND liveness_id = ?", accountId, livenessId) == 1;
    }

    byte[] encrypt(byte[] plain) {
        return secrets.encrypt(plain);
    }

    byte[] decryptImage(byte[] encrypted) throws GeneralSecurityException {
        return secrets.decrypt(encrypted);
    }

    private static final String RESULT_COLUMNS = "SELECT liveness_id, account_id, session_id, signature_id, user_id, score, "
            + "attack_type, attack_reason, sdk_version, platform, best_image, audit_image, far_image, far_image_time, near_image, "
            + "near_image_time, light_check, document_image, claimed_actions, recording_ms, light_from_ms, light_to_ms, texture, "
            + "textured_frames, flatness, flat_pairs, perspective, replay FROM liveness_result";

    private static StoredResult result(ResultSet row) throws SQLException {
        Optional<FarNearImages> stage = Optional.ofNullable(row.getBytes(13)).isEmpty() ? Optional.empty()
                : Optional.of(new FarNearImages(row.getBytes(13), row.getLong(14), row.getBytes(15), row.getLong(16)));
        return new StoredResult(row.getString(1), row.getString(2), row.getString(3), Optional.ofNullable(row.getString(4)),
                Optional.ofNullable(row.getString(5)), row.getInt(6), Optional.ofNullable(row.getString(7)),
                Optional.ofNullable(row.getString(8)), row.getString(9), row.getString(10), Optional.ofNullable(row.getBytes(11)),
                Optional.ofNullable(row.getBytes(12)), stage, Optional.ofNullable(row.getString(17)),
                Optional.ofNullable(row.getBytes(18)), observed(row));
    }

    /** The columns from {@code claimed_actions} on (the 19th): empty for a result stored before they were kept. */
    private static Optional<Observed> observed(ResultSet row) throws SQLException {
        Optional<Long> recordingMs = optionalLong(row, 20);
        if (recordingMs.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> lightFrom = optionalLong(row, 21);
        Optional<Long> lightTo = optionalLong(row, 22);
        Optional<Integer> texturedFrames = optionalLong(row, 24).map(Long::intValue);
        Optional<PassiveCues> cues = texturedFrames.isEmpty() ? Optional.empty() : Optional.of(new PassiveCues(optionalDouble(row, 23),
                texturedFrames.get(), optionalDouble(row, 25), row.getInt(26), optionalDouble(row, 27)));
        String actions = row.getString(19);
        return Optional.of(new Observed(actions.isEmpty() ? List.of() : Arrays.stream(actions.split(",")).map(action -> action.split(":"))
                .map(parts -> new UploadRequest.Action(parts[0], Long.parseLong(parts[1]))).toList(), recordingMs.get(),
                lightFrom.isEmpty() ? Optional.empty() : Optional.of(new Span(lightFrom.get(), lightTo.orElseThrow())), cues,
                Optional.ofNullable(row.getString(28)).map(Fingerprints.Replay::valueOf)));
    }

    /** The claimed actions as their column keeps them: {@code ACTION:ms}, comma-separated, in the order claimed. */
    private static String actionsText(List<UploadRequest.Action> actions) {
        return String.join(",", actions.stream().map(action -> action.action() + ":" + action.atMs()).toList());
    }

    static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static OptionalDouble optionalDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private Account account(ResultSet row) throws SQLException {
        try {
            String secret = new String(secrets.decrypt(row.getBytes(5)), StandardCharsets.UTF_8);
            return new Account(row.getString(1), row.getString(2), row.getString(3), row.getString(4), secret, row.getInt(6) == 1);
        } catch (GeneralSecurityException e) {
            throw new SQLException("An account's secret cannot be decrypted: the key file does not belong to this database", e);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> queryAll(String sql, RowReader<T> reader, Object... parameters) {
        return query(sql, reader, rows -> rows.collect(Collectors.toCollection(ArrayList::new)), parameters);
    }

    /**
     * What {@code use} makes of the rows, read as it asks for them, {@link #ROWS_A_FETCH} at a time,
     * while the statement is open. The read runs in a transaction of its own because PostgreSQL's
     * driver otherwise fetches the whole result before the first row (SQLite steps row by row either way).
     */
    private <T, R> R query(String sql, RowReader<T> reader, Function<Stream<T>, R> use, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            R result = readRows(connection, sql, reader, use, parameters);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("The service's storage failed", e);
        }
    }

    private static <T, R> R readRows(Connection connection, String sql, RowReader<T> reader, Function<Stream<T>, R> use,
            Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(ROWS_A_FETCH);
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return use.apply(StreamSupport.stream(new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
                    @Override
                    public boolean tryAdvance(Consumer<? super T> action) {
                        try {
                            if (!rows.next()) {
                                return false;
                            }
                            action.accept(reader.read(rows));
                            return true;
                        } catch (SQLException e) {
                            throw new IllegalStateException("The service's storage failed", e);
                        }
                    }
                }, false));
            }
        }
    }

    private <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The service's storage failed", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The service's storage failed", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    // Devices: the kiosks each account enrolled (issue 11).

    /**
     * An enrolled kiosk.
     *
     * @param publicKey its Ed25519 public key, base64 of the X.509 encoding
     */
    record Device(String id, String accountId, String publicKey, long enrolledAt, Optional<Long> lastSeen,
                  Optional<Long> revokedAt) {

        boolean revoked() {
            return revokedAt.isPresent();
        }
    }

    void saveEnrollmentCode(String codeHash, String accountId, long now, long expiresAt) {
        saveEnrollmentCode(codeHash, accountId, now, expiresAt, Optional.empty());
    }

    /** @param branch the branch the kiosk it enrols stands in, as the bank's administrator names it */
    void saveEnrollmentCode(String codeHash, String accountId, long now, long expiresAt, Optional<String> branch) {
        update("INSERT INTO enrollment_code (code_hash, account_id, created_at, expires_at, branch) VALUES (?, ?, ?, ?, ?)", codeHash,
                accountId, now, expiresAt, branch.orElse(null));
    }

    /**
     * Uses the enrollment code for a new device, in one transaction: the code serves once, before it expires.
     *
     * @return the device, or empty when the code is unknown, used or expired
     */
    Optional<Device> enrollDevice(String codeHash, String deviceId, String publicKey, long now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String accountId;
                try (PreparedStatement statement = connection.prepareStatement("UPDATE enrollment_code SET used_at = ?, device_id = ? "
                        + "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                    bind(statement, now, deviceId, codeHash, now);
                    if (statement.executeUpdate() != 1) {
                        connection.rollback();
                        return Optional.empty();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT account_id FROM enrollment_code WHERE code_hash = ?")) {
                    bind(statement, codeHash);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        accountId = rows.getString(1);
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO device (id, account_id, public_key, "
                        + "enrolled_at, branch) SELECT ?, ?, ?, ?, branch FROM enrollment_code WHERE code_hash = ?")) {
                    bind(statement, deviceId, accountId, publicKey, now, codeHash);
                    statement.executeUpdate();
                }
                connection.commit();
                return Optional.of(new Device(deviceId, accountId, publicKey, now, Optional.empty(), Optional.empty()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The service's storage failed", e);
        }
    }

    Optional<Device> device(String id) {
        return queryOne(DEVICE_COLUMNS + " WHERE id = ?", Store::device, id);
    }

    /** The account's devices, in the order they were enrolled. */
    List<Device> devices(String accountId) {
        return queryAll(DEVICE_COLUMNS + " WHERE account_id = ? ORDER BY enrolled_at, id", Store::device, accountId);
    }

    /** @return false when no device has this id, or it was revoked before */
    boolean revokeDevice(String id, long now) {
        return update("UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id) == 1;
    }

    /** Notes that the device made a request; at most one write a minute per device. */
    void deviceSeen(String id, long now) {
        update("UPDATE device SET last_seen = ? WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)", now, id, now - 60_000);
    }

    /** What the kiosk said when it was authorized: its version, and the sessions waiting in its outbox. */
    void deviceReport(String id, String version, Optional<Integer> outboxBacklog) {
        update("UPDATE device SET version = ?, outbox_backlog = ? WHERE id = ?", version, outboxBacklog.orElse(null), id);
    }

    /** The sessions waiting in the outboxes of the kiosks not revoked, as each last reported. */
    double outboxBacklog() {
        return queryOne("SELECT COALESCE(SUM(outbox_backlog), 0) FROM device WHERE revoked_at IS NULL", row -> row.getDouble(1))
                .orElse(0.0);
    }

    /** One more refusal with {@code code} on the day of {@code now} (UTC), whichever node answered it. */
    void countRefusal(String code, long now) {
        update("INSERT INTO refusal (day, code, answers) VALUES (?, ?, 1) ON CONFLICT (day, code) DO UPDATE SET answers = "
                + "refusal.answers + 1", day(now), code);
    }

    static String day(long time) {
        return Instant.ofEpochMilli(time).toString().substring(0, 10);
    }

    /** The account's kiosks for the fleet page, the most recently seen first. */
    List<FleetPage.Kiosk> kiosks(String accountId) {
        return queryAll("SELECT id, branch, last_seen, version, outbox_backlog, revoked_at FROM device WHERE account_id = ? "
                + "ORDER BY last_seen DESC NULLS LAST, id", row -> {
                    long lastSeen = row.getLong(3);
                    Long seen = row.wasNull() ? null : lastSeen;
                    int backlog = row.getInt(5);
                    Integer outbox = row.wasNull() ? null : backlog;
                    row.getLong(6);
                    boolean revoked = !row.wasNull();
                    return new FleetPage.Kiosk(row.getString(1), row.getString(2), seen, row.getString(4), outbox, revoked);
                }, accountId);
    }

    private record Outcome(long at, int score, String attackType) {
    }

    /** The account's sessions per day (UTC) since {@code since}: verified, for a manual check, failed (an attack found). */
    List<FleetPage.Day> days(String accountId, long since) {
        Map<String, int[]> byDay = new TreeMap<>();
        for (Outcome outcome : queryAll("SELECT created_at, score, attack_type FROM liveness_result WHERE account_id = ? "
                + "AND created_at >= ?", row -> new Outcome(row.getLong(1), row.getInt(2), row.getString(3)), accountId, since)) {
            int[] counts = byDay.computeIfAbsent(day(outcome.at()), any -> new int[4]);
            counts[0]++;
            counts[outcome.score() >= KioskRoutes.PASSING_SCORE ? 1
                    : ReviewQueue.leftToAPerson(outcome.score(), Optional.ofNullable(outcome.attackType())) ? 2 : 3]++;
        }
        return byDay.entrySet().stream().map(day -> new FleetPage.Day(day.getKey(), day.getValue()[0], day.getValue()[1],
                day.getValue()[2], day.getValue()[3])).toList();
    }

    /** The refusals the service answered per day and code since {@code sinceDay}, the most frequent first. */
    List<FleetPage.Refusal> refusals(String sinceDay) {
        return queryAll("SELECT day, code, answers FROM refusal WHERE day >= ? ORDER BY day, answers DESC, code",
                row -> new FleetPage.Refusal(row.getString(1), row.getString(2), row.getLong(3)), sinceDay);
    }

    /**
     * Takes note of a signature so that it serves once.
     *
     * @param expiresAt when it would be refused as stale anyway, and may be forgotten
     * @return false when it was used before
     */
    boolean useSignature(String signatureHash, long expiresAt) {
        return update("INSERT INTO used_signature (signature_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                signatureHash, expiresAt) == 1;
    }

    void forgetSignaturesBefore(long now) {
        update("DELETE FROM used_signature WHERE expires_at < ?", now);
    }

    private static final String DEVICE_COLUMNS = "SELECT id, account_id, public_key, enrolled_at, last_seen, revoked_at FROM device";

    private static Device device(ResultSet row) throws SQLException {
        long lastSeen = row.getLong(5);
        boolean neverSeen = row.wasNull();
        long revokedAt = row.getLong(6);
        boolean notRevoked = row.wasNull();
        return new Device(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                neverSeen ? Optional.empty() : Optional.of(lastSeen), notRevoked ? Optional.empty() : Optional.of(revokedAt));
    }

    // Reviewers and the review queue (issue 28).

    /** A bank's reviewer, with the hash of the password, the state of the sign-in lock, and whether the bank disabled them. */
    record Reviewer(String id, String accountId, String name, String passwordHash, int failedAttempts, long lockedUntil,
                    boolean disabled) {
        @Override
        public String toString() {
            return "Reviewer[" + id + ", " + name + "]";
        }
    }

    /**
     * One row of the append-only audit of reviewer actions.
     *
     * @param decisionNo for a decision, its number for the session: the highest is in force
     * @param seen       what the reviewer was shown, as the service put it
     * @param signature  the service key's HMAC-SHA256 over the other fields ({@link ReviewQueue#signedText})
     */
    record ReviewAction(String id, String accountId, String reviewerId, long at, String action, Optional<String> livenessId,
                        Optional<Integer> decisionNo, Optional<String> seen, Optional<String> reason, String signature) {
    }

    /**
     * A reviewer as the service's administrator lists them.
     *
     * @param lastSignIn when they last signed in, from the audit
     */
    record ListedReviewer(String name, long createdAt, Optional<Long> lastSignIn, Optional<Long> disabledAt, long lockedUntil) {
    }

    /** A queued session as the queue lists it, with the decision in force, if any. */
    record QueuedSession(String livenessId, long storedAt, int score, Optional<String> attackReason, Optional<ReviewAction> decision) {
    }

    void createReviewer(String id, String accountId, String name, String passwordHash, long now) {
        update("INSERT INTO reviewer (id, account_id, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)", id, accountId, name,
                passwordHash, now);
    }

    Optional<Reviewer> reviewerByName(String name) {
        return queryOne(REVIEWER_COLUMNS + " WHERE name = ?", Store::reviewer, name);
    }

    /** One more wrong password; the {@code maxFailures}th in a row locks the sign-in until {@code lockedUntil}. */
    void reviewerFailed(String reviewerId, int maxFailures, long lockedUntil) {
        update("UPDATE reviewer SET failed_attempts = failed_attempts + 1 WHERE id = ?", reviewerId);
        update("UPDATE reviewer SET failed_attempts = 0, locked_until = ? WHERE id = ? AND failed_attempts >= ?", lockedUntil, reviewerId,
                maxFailures);
    }

    /** The account's reviewers, the earliest added first. */
    List<ListedReviewer> reviewers(String accountId) {
        return queryAll("SELECT r.name, r.created_at, (SELECT MAX(a.at) FROM review_action a WHERE a.reviewer_id = r.id AND a.action = ?), "
                + "r.disabled_at, r.locked_until FROM reviewer r WHERE r.account_id = ? ORDER BY r.created_at, r.name",
                row -> new ListedReviewer(row.getString(1), row.getLong(2), optionalLong(row, 3), optionalLong(row, 4), row.getLong(5)),
                ReviewQueue.SIGN_IN, accountId);
    }

    /**
     * Disables the reviewer and ends their page sessions, those being signed in at this moment too.
     *
     * @return false when they were disabled already
     */
    boolean disableReviewer(String reviewerId, long now) {
        boolean disabled = update("UPDATE reviewer SET disabled_at = ?, sessions_from = ? WHERE id = ? AND disabled_at IS NULL", now, now,
                reviewerId) == 1;
        update("DELETE FROM reviewer_session WHERE reviewer_id = ?", reviewerId);
        return disabled;
    }

    /**
     * Lets a disabled reviewer sign in again. Their page sessions from before stay ended.
     *
     * @return false when they were not disabled
     */
    boolean enableReviewer(String reviewerId) {
        return update("UPDATE reviewer SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL", reviewerId) == 1;
    }

    /**
     * Gives the reviewer a new password, lifts the sign-in lock the old one's guesses set, and ends their page
     * sessions, those being signed in with the old password at this moment too.
     */
    void resetReviewerPassword(String reviewerId, String passwordHash, long now) {
        update("UPDATE reviewer SET password_hash = ?, failed_attempts = 0, locked_until = 0, sessions_from = ? WHERE id = ?",
                passwordHash, now, reviewerId);
        update("DELETE FROM reviewer_session WHERE reviewer_id = ?", reviewerId);
    }

    void reviewerSignedIn(String reviewerId) {
        update("UPDATE reviewer SET failed_attempts = 0 WHERE id = ?", reviewerId);
    }

    void saveReviewerSession(String tokenHash, String reviewerId, long now, long expiresAt) {
        update("DELETE FROM reviewer_session WHERE expires_at < ?", now);
        update("INSERT INTO reviewer_session (token_hash, reviewer_id, created_at, expires_at) VALUES (?, ?, ?, ?)", tokenHash, reviewerId,
                now, expiresAt);
    }

    /**
     * The reviewer of a session that has not expired, whose expiry moves to {@code expiresAt} (not
     * past {@code createdAfter}'s limit: a session made before {@code createdAfter} is over). A
     * disabled reviewer's session is over, and so is one begun by the time their password was reset:
     * a sign-in that started before, with the old password, ends after the reset deleted the sessions.
     */
    Optional<Reviewer> reviewerOfSession(String tokenHash, long now, long createdAfter, long expiresAt) {
        if (update("UPDATE reviewer_session SET expires_at = ? WHERE token_hash = ? AND expires_at > ? AND created_at > ? "
                + "AND EXISTS (SELECT 1 FROM reviewer r WHERE r.id = reviewer_session.reviewer_id AND r.disabled_at IS NULL "
                + "AND reviewer_session.created_at > r.sessions_from)", expiresAt, tokenHash, now, createdAfter) != 1) {
            return Optional.empty();
        }
        return queryOne(REVIEWER_COLUMNS + " WHERE id = (SELECT reviewer_id FROM reviewer_session WHERE token_hash = ?)",
                Store::reviewer, tokenHash);
    }

    void deleteReviewerSession(String tokenHash) {
        update("DELETE FROM reviewer_session WHERE token_hash = ?", tokenHash);
    }

    /** The account's queue, the sessions still waiting first, then the decided, each the newest first. */
    List<QueuedSession> queue(String accountId, int limit) {
        return queryAll("SELECT q.liveness_id, r.created_at, r.score, r.attack_reason, d.id, d.account_id, d.reviewer_id, d.at, "
                + "d.action, d.liveness_id, d.decision_no, d.seen, d.reason, d.signature FROM review_queue q "
                + "JOIN liveness_result r ON r.liveness_id = q.liveness_id LEFT JOIN review_action d ON d.liveness_id = q.liveness_id "
                + "AND d.decision_no = (SELECT MAX(m.decision_no) FROM review_action m WHERE m.liveness_id = q.liveness_id) "
                + "WHERE q.account_id = ? ORDER BY CASE WHEN d.id IS NULL THEN 0 ELSE 1 END, q.queued_at DESC, q.liveness_id LIMIT ?",
                row -> new QueuedSession(row.getString(1), row.getLong(2), row.getInt(3), Optional.ofNullable(row.getString(4)),
                        row.getString(5) == null ? Optional.empty() : Optional.of(reviewAction(row, 4))),
                accountId, limit);
    }

    /**
     * Of the kiosk's session ids, those it sent itself that are in its account's queue, each with its
     * livenessId: a session of another kiosk, even of the same account, is not among them.
     */
    List<KioskSession> queuedSessionsOf(String accountId, String deviceId, List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(accountId, deviceId));
        parameters.addAll(sessionIds);
        return queryAll("SELECT r.session_id, r.liveness_id FROM liveness_result r JOIN review_queue q ON q.liveness_id = r.liveness_id "
                + "WHERE r.account_id = ? AND r.device_id = ? AND r.session_id IN ("
                + String.join(", ", Collections.nCopies(sessionIds.size(), "?")) + ")",
                row -> new KioskSession(row.getString(1), row.getString(2)), parameters.toArray());
    }

    /** A kiosk's session and the livenessId the service gave it. */
    record KioskSession(String sessionId, String livenessId) {
    }

    /** Whether the account's queue holds the session: what a reviewer of the account may open. */
    boolean queued(String accountId, String livenessId) {
        return queryOne("SELECT 1 FROM review_queue WHERE account_id = ? AND liveness_id = ?", row -> true, accountId, livenessId)
                .isPresent();
    }

    /**
     * Appends a row to the audit; the only write there is.
     *
     * @return false when the row is a decision whose number another decision took first
     */
    boolean appendReviewAction(ReviewAction action) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO review_action (id, account_id, reviewer_id, at, "
                     + "action, liveness_id, decision_no, seen, reason, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, action.id(), action.accountId(), action.reviewerId(), action.at(), action.action(),
                    action.livenessId().orElse(null), action.decisionNo().orElse(null), action.seen().orElse(null),
                    action.reason().orElse(null), action.signature());
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            // SQLite's SQLITE_CONSTRAINT, PostgreSQL's unique_violation: only the decision's number is unique.
            if (action.decisionNo().isPresent() && (e.getErrorCode() == 19 || "23505".equals(e.getSQLState()))) {
                return false;
            }
            throw new IllegalStateException("The service's storage failed", e);
        }
    }

    /** The audit of one of the account's sessions, oldest first. */
    List<ReviewAction> reviewActions(String accountId, String livenessId) {
        return queryAll(ACTION_COLUMNS + " WHERE account_id = ? AND liveness_id = ? ORDER BY at, decision_no", row -> reviewAction(row, 0),
                accountId, livenessId);
    }

    /** The decision in force on one of the account's sessions: the one with the highest number. */
    Optional<ReviewAction> decision(String accountId, String livenessId) {
        return queryOne(ACTION_COLUMNS + " WHERE account_id = ? AND liveness_id = ? AND decision_no IS NOT NULL "
                + "ORDER BY decision_no DESC LIMIT 1", row -> reviewAction(row, 0), accountId, livenessId);
    }

    private static final String REVIEWER_COLUMNS = "SELECT id, account_id, name, password_hash, failed_attempts, locked_until, "
            + "disabled_at FROM reviewer";

    private static Reviewer reviewer(ResultSet row) throws SQLException {
        return new Reviewer(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5), row.getLong(6),
                optionalLong(row, 7).isPresent());
    }

    private static final String ACTION_COLUMNS = "SELECT id, account_id, reviewer_id, at, action, liveness_id, decision_no, seen, reason, "
            + "signature FROM review_action";

    /** The row's audit columns from the one after {@code skip} on, in {@link #ACTION_COLUMNS}' order. */
    private static ReviewAction reviewAction(ResultSet row, int skip) throws SQLException {
        int number = row.getInt(skip + 7);
        Optional<Integer> decisionNo = row.wasNull() ? Optional.empty() : Optional.of(number);
        return new ReviewAction(row.getString(skip + 1), row.getString(skip + 2), row.getString(skip + 3), row.getLong(skip + 4),
                row.getString(skip + 5), Optional.ofNullable(row.getString(skip + 6)), decisionNo, Optional.ofNullable(row.getString(skip + 8)),
                Optional.ofNullable(row.getString(skip + 9)), row.getString(skip + 10));
    }
}
