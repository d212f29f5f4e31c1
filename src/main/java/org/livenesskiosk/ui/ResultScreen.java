package org.livenesskiosk.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.liveness.LivenessError;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * A passed session's livenessId, large and selectable, as a QR code, with the best image; or a
 * failed session's code, its explanation and its way out, and Retry. The buttons stay in the
 * footer, in view; the rest scrolls when a small screen or large text needs it.
 */
final class ResultScreen extends BorderPane {

    private static final int QR_SIZE = 220;
    private static final int IMAGE_SIZE = 260;

    private final Label title = new FlowingLabel();
    private final Label livenessIdLabel = new FlowingLabel();
    private final TextField livenessId = new TextField();
    /** The service's verdict for the operator: verified, or a person should look; never the score. */
    private final Label verdict = new FlowingLabel();
    private final ImageView qrCode = new ImageView();
    private final ImageView bestImage = new ImageView();
    private final Label code = new Label();
    private final Label explanation = new FlowingLabel();
    private final Label wayOut = new FlowingLabel();
    private final Button retry = new Button();
    private final Button finish = new Button();
    private Messages messages;
    private KioskOutcome outcome = KioskOutcome.failed(LivenessError.UNDEFINED, "");

    ResultScreen(Runnable onRetry, Runnable onFinish) {
        getStyleClass().add("screen");
        title.getStyleClass().add("title");
        title.setId("resultTitle");
        livenessId.setId("livenessId");
        livenessId.setEditable(false);
        livenessId.getStyleClass().add("liveness-id");
        livenessId.setMaxWidth(1100);
        verdict.setId("verdict");
        verdict.getStyleClass().add("subtitle");
        code.setId("code");
        code.getStyleClass().add("code");
        explanation.setId("explanation");
        wayOut.setId("wayOut");
        explanation.getStyleClass().add("subtitle");
        wayOut.getStyleClass().add("subtitle");
        for (Label centred : List.of(title, livenessIdLabel, verdict, explanation, wayOut)) {
            centred.setTextAlignment(TextAlignment.CENTER);
        }
        retry.setId("retry");
        retry.getStyleClass().add("primary");
        finish.setId("finish");
        retry.setOnAction(event -> onRetry.run());
        finish.setOnAction(event -> onFinish.run());
        qrCode.setFitWidth(QR_SIZE);
        qrCode.setFitHeight(QR_SIZE);
        qrCode.setId("qrCode");
        bestImage.setFitWidth(IMAGE_SIZE);
        bestImage.setFitHeight(IMAGE_SIZE);
        bestImage.setPreserveRatio(true);
        bestImage.setId("bestImage");
        HBox images = new HBox(40, bestImage, qrCode);
        images.setAlignment(Pos.CENTER);
        ScreenRegions.contentAndFooter(this,
                new VBox(16, title, livenessIdLabel, livenessId, verdict, images, code, explanation, wayOut),
                ScreenRegions.footer(retry, finish));
    }

    void show(KioskOutcome shown) {
        outcome = shown;
        boolean delivered = shown.livenessId().isPresent();
        livenessId.setText(shown.livenessId().orElse(""));
        qrCode.setImage(delivered ? QrCodes.of(shown.livenessId().get(), QR_SIZE) : null);
        bestImage.setImage(shown.bestImage().map(jpeg -> new Image(new ByteArrayInputStream(jpeg))).orElse(null));
        setShown(livenessIdLabel, delivered);
        setShown(livenessId, delivered);
        setShown(verdict, delivered);
        setShown(qrCode, delivered);
        setShown(bestImage, shown.bestImage().isPresent());
        setShown(code, shown.error().isPresent());
        setShown(retry, !shown.passed());
        // Enter does what the customer most likely wants next: try again, or be done.
        retry.setDefaultButton(!shown.passed());
        finish.setDefaultButton(shown.passed());
        code.setText(shown.error().map(LivenessError::name).orElse(""));
        relabel(messages);
    }

    /** Forgets the customer's image and id: nothing of them stays on screen or in memory. */
    void clear() {
        show(KioskOutcome.failed(LivenessError.UNDEFINED, ""));
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    void relabel(Messages messages) {
        this.messages = messages;
        livenessIdLabel.setText(messages.text(UiText.RESULT_LIVENESS_ID));
        verdict.setText(messages.text(outcome.manualCheck() ? UiText.RESULT_MANUAL_CHECK : UiText.RESULT_VERIFIED));
        retry.setText(messages.text(UiText.RESULT_RETRY));
        finish.setText(messages.text(UiText.RESULT_FINISH));
        title.setText(messages.text(outcome.passed() ? UiText.RESULT_SUCCESS_TITLE : UiText.RESULT_FAILURE_TITLE));
        Optional<LivenessError> error = outcome.error();
        String pending = outcome.pendingUpload().map(id -> messages.text(UiText.RESULT_PENDING_UPLOAD, id)).orElse("");
        explanation.setText(error.map(messages::explanation).map(text -> pending.isEmpty() ? text : pending + " " + text)
                .orElse(""));
        wayOut.setText(error.map(messages::wayOut).orElse(""));
    }
}
