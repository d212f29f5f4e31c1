package org.livenesskiosk.server;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;
import static org.livenesskiosk.server.JsonExchange.required;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.JpegStructure;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The face on an identity document compared with a session's best image, for the bank's back end
 * ({@code face/v1/compare}): the same embedding the service uses to keep a session to one person
 * ({@link SamePerson}), at a stricter threshold, the account's own ({@link #DEFAULT_MATCH_THRESHOLD} unless its administrator
 * set another). A document's picture the bank sends is held in memory
 * for the call alone: never stored, never logged, never written to a cache file. Without one, the portrait the kiosk captured
 * from the card and sent with the session is compared, as the service stored it (encrypted, deleted with the result's images).
 *
 * <p>A livenessId of another account is refused exactly as an unknown one, so that a caller learns
 * nothing of other accounts' sessions.
 */
public final class FaceComparison {

    /**
     * A document picture of at most 2 MB, as the kiosk's best image: an ID card scanned at 600 dpi
     * (2,000 × 1,300 pixels) is a JPEG under it.
     */
    static final int MAX_DOCUMENT_BYTES = 2 << 20;
    static final int MAX_DOCUMENT_BASE64 = (MAX_DOCUMENT_BYTES + 2) / 3 * 4;
    /**
     * The widest or tallest picture decoded: a 2 MB PNG can declare a picture of gigabytes, so its size is
     * read from its header before any pixel is.
     */
    static final int MAX_SIDE = 6_000;
    /**
     * The most scans of a JPEG picture: a progressive one from a camera, a phone or an editor has 10
     * or so; each is a pass over the whole picture, and a crafted one can hold thousands.
     */
    static final int MAX_SCANS = 64;
    /**
     * A similarity of at least this (the embeddings' cosine, times 100) is a match for an account that
     * set no threshold of its own. Stricter than {@link FaceEmbedder#SAME_PERSON} (0.50), which only has
     * to tell a swap within one session: here a stranger may bring someone else's document, and on the
     * shared data's faces (docs/measurements.md) 0.50 took 38 of 8,382 pairs of two people for one (tight
     * crops of low-resolution webcam faces and of prints of them), 0.60 none, at the cost of one of 529
     * pairs of one person (a face against a print of it).
     */
    public static final int DEFAULT_MATCH_THRESHOLD = 60;
    /**
     * The loosest threshold an account may set: the one that keeps a session to one person; looser, a
     * document's face would match faces the service itself takes for a second customer.
     */
    public static final int MIN_MATCH_THRESHOLD = (int) Math.round(FaceEmbedder.SAME_PERSON * 100);
    /**
     * The strictest: above 60 the shared data's pairs of two people show no false match left to remove,
     * while at 80 already 58 of its 529 pairs of one person fail (docs/measurements.md); stricter would
     * send ever more customers to a person for nothing measured.
     */
    public static final int MAX_MATCH_THRESHOLD = 80;
    /**
     * A face darker than this (mean of 0–255) is not compared: in a picture this dark the face is mostly
     * sensor noise, and the shared data's two such photos (3 and 6), a man and a woman, embed as one person (0.69).
     */
    static final double MIN_BRIGHTNESS = 20;

    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Store store;
    private final ResultImages images;
    private final AnalyzerPool analyzers;
    private final long busyWaitMs;

    FaceComparison(Store store, ResultImages images, AnalyzerPool analyzers, long busyWaitMs) {
        this.store = store;
        this.images = images;
        this.analyzers = analyzers;
        this.busyWaitMs = busyWaitMs;
    }

    void register(Javalin app) {
        app.post(Routes.FACE_COMPARE, this::compare);
    }

    private void compare(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        OpenApi.CompareRequest request = body(ctx, OpenApi.CompareRequest.class);
        String livenessId = required(request.livenessId(), "livenessId");
        Optional<byte[]> sent = Optional.ofNullable(request.documentImage()).map(FaceComparison::picture);
        Store.StoredResult result = store.resultByLivenessId(account.id(), livenessId)
                .orElseThrow(() -> new ServiceException("LIVENESS_ID_NOT_EXISTED", "No result has this livenessId"));
        // Without a picture from the bank's own system, the portrait the kiosk captured from the card held to its camera.
        byte[] document = sent.isPresent() ? sent.get() : images.documentPortrait(result).orElseThrow(() -> new ServiceException(
                "PARAMETER_ERROR", "documentImage is required: this session carries no document portrait captured at the kiosk"));
        if (ResultImages.Kind.BEST.of(result).isEmpty()) {
            throw new ServiceException("IMAGE_NOT_FOUND", "This result keeps no best image to compare with (deleted)");
        }
        byte[] best = images.decrypted(result, ResultImages.Kind.BEST);
        int similarity = analyzers.withAnalyzer(busyWaitMs, vision -> {
            float[] session = face(vision, best, "the session's best image", "BEST_IMAGE_NOT_COMPARABLE");
            return similarity(FaceEmbedder.similarity(session, face(vision, document, "documentImage", "DOCUMENT_FACE_NOT_USABLE")));
        });
        // Read at each call: a threshold the administrator changes holds from the next comparison on, on every node.
        int threshold = store.matchThreshold(account.id());
        answer(ctx, Envelope.ok(new OpenApi.CompareAnswer(result.livenessId(), similarity, matches(similarity, threshold), threshold)));
    }

    /** The cosine of two faces' embeddings on the API's scale, 0–100: faces further apart than unrelated ones are 0. */
    static int similarity(double cosine) {
        return (int) Math.round(Math.max(0, cosine) * 100);
    }

    static boolean matches(int similarity, int threshold) {
        return similarity >= threshold;
    }

    /** Whether a face is large, frontal and lit enough for its embedding to say who it is. */
    static boolean comparable(FaceMetrics face) {
        return SamePerson.embeddable(face) && face.exposure().brightness() >= MIN_BRIGHTNESS;
    }

    /**
     * The bytes of a base64 JPEG or PNG of at most {@link #MAX_DOCUMENT_BYTES}; what it would cost to
     * decode is judged before it is ({@link #requireDecodable}).
     */
    private static byte[] picture(String base64) {
        byte[] bytes = SessionCheck.decoded(base64)
                .orElseThrow(() -> new ServiceException("PARAMETER_ERROR", "documentImage is not base64"));
        if (bytes.length > MAX_DOCUMENT_BYTES || !(startsWith(bytes, JPEG) || startsWith(bytes, PNG))) {
            throw new ServiceException("PARAMETER_ERROR", "documentImage must be a JPEG or PNG of at most "
                    + (MAX_DOCUMENT_BYTES >> 20) + " MB, base64");
        }
        return bytes;
    }

    /**
     * Refuses a picture that would cost more to decode than a document may: more than
     * {@link #MAX_SIDE} pixels a side, or a JPEG of more than {@link #MAX_SCANS} scans, each a pass
     * over the whole picture. Read from its header before any pixel is: the one sent, and those a
     * kiosk stored (its document portrait was only judged by its bytes when uploaded).
     */
    private static void requireDecodable(byte[] picture, String name) {
        // In memory only: ImageIO's default stream for a byte array may cache it in a temporary file.
        try (ImageInputStream header = new MemoryCacheImageInputStream(new ByteArrayInputStream(picture))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(header);
            if (!readers.hasNext()) {
                throw notAPicture(name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(header, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new ServiceException("PARAMETER_ERROR", name + " must be at most " + MAX_SIDE + " pixels a side");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw notAPicture(name);
        }
        int scans = JpegStructure.of(picture).map(JpegStructure::scans).orElse(0);
        if (scans > MAX_SCANS) {
            throw new ServiceException("PARAMETER_ERROR", name + " is a JPEG of " + scans + " scans; at most " + MAX_SCANS
                    + " are read");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static ServiceException notAPicture(String name) {
        return new ServiceException("PARAMETER_ERROR", name + " is not a readable JPEG or PNG");
    }

    /** The JPEG or PNG picture's pixels, once {@link #requireDecodable} found it worth decoding. */
    static Mat decoded(byte[] picture, String name) {
        requireDecodable(picture, name);
        try (BytePointer bytes = new BytePointer(picture); Mat buffer = new Mat(1, picture.length, CV_8U, bytes)) {
            Mat image = imdecode(buffer, IMREAD_COLOR);
            if (image.empty()) {
                image.close();
                throw notAPicture(name);
            }
            return image;
        }
    }

    /**
     * The embedding of the picture's one face, which must be large and frontal enough to embed
     * ({@link #comparable}): no face is {@code NO_FACE_DETECTED}, several
     * {@code MULTIPLE_FACES_DETECTED}, one too small or turned {@code unusable}.
     */
    static float[] face(Vision vision, byte[] picture, String name, String unusable) {
        try (Mat image = decoded(picture, name)) {
            FrameAnalysis analysis = vision.still(image);
            if (analysis.faceCount() == 0 || analysis.mainFace().isEmpty()) {
                throw new ServiceException("NO_FACE_DETECTED", name + " shows no face");
            }
            if (analysis.faceCount() > 1) {
                throw new ServiceException("MULTIPLE_FACES_DETECTED", name + " shows " + analysis.faceCount()
                        + " faces; it must show exactly one");
            }
            FaceObservation face = analysis.mainFace().get();
            if (!comparable(face.metrics())) {
                throw new ServiceException(unusable, name + "'s face must be at least " + (int) SamePerson.MIN_FACE_PIXELS
                        + " pixels wide, turned at most " + (int) SamePerson.MAX_TURN_DEGREES + "° and lit (it is "
                        + Math.round(face.metrics().box().width()) + " pixels wide, brightness "
                        + Math.round(face.metrics().exposure().brightness()) + " of 255)");
            }
            return vision.embedding(image, face.landmarks());
        }
    }
}
