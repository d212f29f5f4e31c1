package org.livenesskiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.livenesskiosk.crypto.AesGcm;
import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.protocol.UploadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;

/**
 * Uploads not yet acknowledged by the service, kept on disk so that no customer's result is lost
 * to a network failure or a restart. Each is one file, encrypted under this kiosk's own key (a
 * file only its owner can read), written before the upload starts and deleted only once the
 * service has given its livenessId.
 *
 * <p>The kiosk's session thread and its retry thread use one outbox at once: a session may be
 * delivered, and its file deleted, by one while the other is listing or reading the folder. A file
 * gone between the listing and the reading was delivered: it is skipped, never an error that
 * stops the other sessions' delivery.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String SUFFIX = ".upload";
    private static final Gson GSON = new Gson();

    private final Path folder;
    private final AesGcm cipher;

    private Outbox(Path folder, AesGcm cipher) {
        this.folder = folder;
        this.cipher = cipher;
    }

    /**
     * The outbox in {@code folder}, with its key in {@code folder/outbox.key}, both made on first use.
     * A half-written entry a crash left behind ({@code .upload.tmp}) is deleted: its session never
     * reached the outbox whole, and was never sent.
     */
    public static Outbox open(Path folder) throws IOException {
        SecureFiles.directories(folder);
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path halfWritten : listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX + ".tmp")).toList()) {
                LOG.warn("A half-written outbox entry {} from a crash is deleted", halfWritten.getFileName());
                Files.deleteIfExists(halfWritten);
            }
        }
        return new Outbox(folder, new AesGcm(SecureFiles.key(folder.resolve("outbox.key"), AesGcm.KEY_BYTES)));
    }

    /** Keeps an upload until it is acknowledged; call before sending it. */
    public void put(UploadRequest upload) throws IOException {
        SecureFiles.write(fileOf(upload.sessionId()), cipher.encrypt(GSON.toJson(upload).getBytes(StandardCharsets.UTF_8)));
    }

    /** The service has the upload: its evidence leaves this kiosk. */
    public void acknowledge(String sessionId) throws IOException {
        Files.deleteIfExists(fileOf(sessionId));
    }

    /**
     * The service refused the upload for good (a malformed or reused request): it leaves the queue
     * but stays, encrypted, in {@code rejected/} for the operator, never silently dropped.
     */
    public void reject(String sessionId) throws IOException {
        Path rejected = Files.createDirectories(folder.resolve("rejected"));
        try {
            Files.move(fileOf(sessionId), rejected.resolve(sessionId + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException deliveredMeanwhile) {
            LOG.info("Session {} was delivered by another attempt before its refusal arrived", sessionId);
        }
    }

    /** A session waiting in the outbox, known without decrypting its evidence. */
    public record Waiting(String sessionId, Instant since) {
    }

    /** The sessions still waiting, oldest first. */
    public List<Waiting> waiting() throws IOException {
        List<Waiting> waiting = new ArrayList<>();
        for (Path file : uploadFiles()) {
            String name = file.getFileName().toString();
            try {
                waiting.add(new Waiting(name.substring(0, name.length() - SUFFIX.length()),
                        Files.getLastModifiedTime(file).toInstant()));
            } catch (NoSuchFileException deliveredMeanwhile) {
                // Delivered since the listing: no longer waiting.
            }
        }
        return waiting;
    }

    /** Every upload still waiting, oldest first; one that cannot be read is reported and left in place. */
    public List<UploadRequest> pending() throws IOException {
        List<UploadRequest> uploads = new ArrayList<>();
        for (Path file : uploadFiles()) {
            try {
                uploads.add(GSON.fromJson(new String(cipher.decrypt(Files.readAllBytes(file)), StandardCharsets.UTF_8),
                        UploadRequest.class));
            } catch (GeneralSecurityException e) {
                LOG.error("The outbox entry {} cannot be decrypted with this kiosk's key; it is kept for inspection", file.getFileName());
            } catch (NoSuchFileException deliveredMeanwhile) {
                // Delivered since the listing: nothing left to send.
            }
        }
        return uploads;
    }

    private List<Path> uploadFiles() throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparingLong(file -> file.toFile().lastModified())).toList();
        }
    }

    private Path fileOf(String sessionId) {
        if (!sessionId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("A session id is letters, digits and dashes");
        }
        return folder.resolve(sessionId + SUFFIX);
    }
}
