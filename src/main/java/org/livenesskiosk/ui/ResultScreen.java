package org.livenesskiosk.ui;

import java.util.List;
import java.util.Optional;

import org.livenesskiosk.liveness.LivenessError;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What the customer sees when a session ends ({@link CustomerResult}): a plain outcome, a passed
 * session's livenessId (grouped so that it wraps) and its QR code, at most one tip with its picture
 * ({@link TipPicture}), "Try again" only where it helps, and how long until the screen clears. Never a code, a detail or the face
 * photo: those are behind the operator's PIN ({@link ResultDetails}), reached by "For staff". The
 * buttons stay in the footer, in view; the rest scrolls when a small screen or large text needs it.
 */
final class ResultScreen extends BorderPane {

    private static final int QR_SIZE = 220;
    /** A livenessId is read aloud or typed in these groups; spaces between them let it wrap at any width. */
    private static final int ID_GROUP = 4;

    private final Label title = new FlowingLabel();
    private final Label message = new FlowingLabel();
    private final Label tip = new FlowingLabel();
    /** The tip's picture, when its cause has one. */
    private final StackPane tipPicture = new StackPane();
    private final Label livenessIdLabel = new FlowingLabel();
    private final Label livenessId = new FlowingLabel();
    private final ImageView qrCode = new ImageView();
    private final Label countdown = new FlowingLabel();
    private final Button retry = new Button();
    private final Button finish = new Button();
    private final Button forStaff = new Button();
    private Messages messages;
    private KioskOutcome outcome = KioskOutcome.failed(LivenessError.UNDEFINED, "");
    private CustomerResult told = CustomerResult.of(outcome, 1, 0);
    private long secondsLeft;

    /** @param onStaff told when a member of staff asks for the session's details (they give the PIN first) */
    ResultScreen(Runnable onRetry, Runnable onFinish, Runnable onStaff) {
        getStyleClass().add("screen");
        title.getStyleClass().add("title");
        title.setId("resultTitle");
        message.setId("resultMessage");
        message.getStyleClass().add("subtitle");
        tip.setId("tip");
        tip.getStyleClass().add("tip");
        livenessId.setId("livenessId");
        livenessId.getStyleClass().add("liveness-id");
        countdown.setId("countdown");
        countdown.getStyleClass().add("step");
        for (Label centred : List.of(title, message, tip, livenessIdLabel, livenessId, countdown)) {
            centred.setTextAlignment(TextAlignment.CENTER);
        }
        retry.setId("retry");
        retry.getStyleClass().add("primary");
        finish.setId("finish");
        forStaff.setId("forStaff");
        retry.setOnAction(event -> onRetry.run());
        finish.setOnAction(event -> onFinish.run());
        forStaff.setOnAction(event -> onStaff.run());
        qrCode.setFitWidth(QR_SIZE);
        qrCode.setFitHeight(QR_SIZE);
        qrCode.setId("qrCode");
        VBox content = new VBox(16, title, message, tipPicture, tip, livenessIdLabel, livenessId, qrCode, countdown);
        content.setAlignment(Pos.TOP_CENTER);
        ScreenRegions.contentAndFooter(this, content, ScreenRegions.footer(forStaff, retry, finish));
    }

    /** @param customer what the customer is told of {@code session} */
    void show(KioskOutcome session, CustomerResult customer) {
        outcome = session;
        told = customer;
        boolean delivered = session.livenessId().isPresent();
        livenessId.setText(session.livenessId().map(ResultScreen::grouped).orElse(""));
        qrCode.setImage(delivered ? QrCodes.of(session.livenessId().get(), QR_SIZE) : null);
        setShown(livenessIdLabel, delivered);
        setShown(livenessId, delivered);
        setShown(qrCode, delivered);
        setShown(tip, customer.tip().isPresent());
        tipPicture.getChildren().setAll(customer.tip().flatMap(TipPicture::of).stream().toList());
        setShown(tipPicture, !tipPicture.getChildren().isEmpty());
        setShown(retry, customer.retry());
        // Enter does what the customer most likely wants next: try again, or be done.
        retry.setDefaultButton(customer.retry());
        finish.setDefaultButton(!customer.retry());
        relabel(messages);
    }

    /** How long until the screen clears by itself, shown so that the customer knows their result will not stay up. */
    void countdown(long seconds) {
        if (seconds != secondsLeft) {
            secondsLeft = seconds;
            relabelCountdown();
        }
    }

    /** Forgets the customer's id: nothing of them stays on screen or in memory. */
    void clear() {
        KioskOutcome nothing = KioskOutcome.failed(LivenessError.UNDEFINED, "");
        show(nothing, CustomerResult.of(nothing, 1, 0));
    }

    KioskOutcome outcome() {
        return outcome;
    }

    /** {@code 3f9a…} as {@code 3f9a 0c2e …}: groups a person can read out, and places to wrap. */
    static String grouped(String id) {
        StringBuilder groups = new StringBuilder();
        for (int at = 0; at < id.length(); at += ID_GROUP) {
            groups.append(at == 0 ? "" : " ").append(id, at, Math.min(id.length(), at + ID_GROUP));
        }
        return groups.toString();
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    void relabel(Messages messages) {
        this.messages = messages;
        livenessIdLabel.setText(messages.text(UiText.RESULT_LIVENESS_ID));
        retry.setText(messages.text(UiText.RESULT_RETRY));
        finish.setText(messages.text(UiText.RESULT_FINISH));
        forStaff.setText(messages.text(UiText.RESULT_FOR_STAFF));
        title.setText(messages.text(told.outcome().title()));
        Optional<String> said = told.askStaff() ? Optional.of(messages.text(UiText.RESULT_ASK_STAFF))
                : outcome.pendingUpload().map(id -> messages.text(UiText.RESULT_PENDING_UPLOAD, id));
        message.setText(said.orElse(""));
        setShown(message, said.isPresent());
        tip.setText(told.tip().map(messages::prompt).orElse(""));
        relabelCountdown();
    }

    private void relabelCountdown() {
        if (messages != null) {
            countdown.setText(messages.text(UiText.RESULT_COUNTDOWN, secondsLeft));
        }
    }
}
