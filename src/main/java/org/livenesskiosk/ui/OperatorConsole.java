package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.IdCardCapture;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.VBox;

/**
 * The operator's console: the settings, this kiosk's sessions, the uploads still waiting, the
 * version, and the way out of kiosk mode. Everything it reads or saves goes through the backend's
 * futures; answers come back on the UI thread.
 *
 * <p>Longer than most classes because most of it is the settings form: one field, one label and
 * one line in {@code open} and {@code save} per setting, kept together so that a new setting is
 * added in one place.
 */
final class OperatorConsole extends BorderPane {

    private final KioskBackend backend;
    private final Consumer<KioskSettings> onSaved;

    private final Label title = new Label();
    private final Label version = new Label();
    private final Tab settingsTab = new Tab();
    private final Tab historyTab = new Tab();
    private final Tab outboxTab = new Tab();
    private final TabPane tabs = new TabPane();
    private final GridPane form = new GridPane();
    private final List<Label> formLabels = new ArrayList<>();
    private final List<UiText> formTexts = new ArrayList<>();
    private final TextField serviceUrl = new TextField();
    private final TextField market = new TextField();
    private final TextField applicationId = new TextField();
    private final PasswordField license = new PasswordField();
    private final TextField accessKey = new TextField();
    private final PasswordField secretKey = new PasswordField();
    private final TextField enrollmentCode = new TextField();
    private final TextField bankName = new TextField();
    private final TextField noticeUrl = new TextField();
    private final Label authorization = new FlowingLabel();
    private final ComboBox<String> camera = new ComboBox<>();
    private final Button findCameras = new Button();
    private final Button showCamera = new Button();
    private final PreviewView cameraView = new PreviewView();
    private final Button checkIdPhoto = new Button();
    /** "Check ID photo"'s rectangle over the preview, where the customer holds the card. */
    private final Rectangle idCardGuide = new Rectangle();
    /** "Check ID photo"'s instruction, large: the customer reads it beside the operator. */
    private final Label idPhotoGuidance = new FlowingLabel();
    private final Label cameraProblem = new FlowingLabel();
    private Optional<KioskBackend.CameraPreview> cameraPreview = Optional.empty();
    /** Counts the camera's stops: what a stopped capture's thread still reports is not shown. */
    private long cameraStops;
    private final CheckBox challengeFromService = new CheckBox();
    private final Map<ActionType, CheckBox> actions = new EnumMap<>(ActionType.class);
    private final CheckBox shuffle = new CheckBox();
    /** What no action ticked asks for, in words that wrap: a check box's own text would not. */
    private final Label actionsDefault = new FlowingLabel();
    private final Spinner<Integer> actionTimeLimit = new Spinner<>(3, 60, 10);
    private final Spinner<Integer> prepareTimeLimit = new Spinner<>(3, 60, 10);
    /** The SDK's range for the best image's side, in steps of 50 pixels. */
    private final Spinner<Integer> resultImageSize = new Spinner<>(300, 1000, 600, 50);
    private final ChoiceBox<DetectionLevel> level = new ChoiceBox<>();
    private final Map<Language, CheckBox> languages = new EnumMap<>(Language.class);
    private final CheckBox voice = new CheckBox();
    private final CheckBox recording = new CheckBox();
    private final CheckBox highContrast = new CheckBox();
    private final CheckBox largerText = new CheckBox();
    private final Spinner<Integer> idleSeconds = new Spinner<>(5, 600, 30);
    private final Spinner<Integer> retries = new Spinner<>(0, 5, 2);
    private final Label saved = new FlowingLabel();
    private final Button save = new Button();
    private final TableView<HistoryEntry> history = new TableView<>();
    private final TableColumn<HistoryEntry, String> timeColumn = new TableColumn<>();
    private final TableColumn<HistoryEntry, String> referenceColumn = new TableColumn<>();
    private final TableColumn<HistoryEntry, String> resultColumn = new TableColumn<>();
    private final TableColumn<HistoryEntry, String> uploadColumn = new TableColumn<>();
    private static final double PREVIEW_WIDTH = 240;
    /** Twice the preview: the customer beside the operator sees their card in it. */
    private static final double ID_PHOTO_PREVIEW_WIDTH = 480;
    /** The most of a reviewer's reason the history shows: about as wide as a verdict with its livenessId. */
    private static final int REASON_SHOWN = 60;
    private final VBox outbox = new VBox(8);
    private final Button sendNow = new Button();
    private final Button close = new Button();
    private final Button leave = new Button();
    private Messages messages;
    private KioskSettings settings;

    /**
     * @param onSaved told the settings the operator saved
     * @param onClose told when the operator closes the console
     * @param onLeave told when the operator leaves kiosk mode
     */
    OperatorConsole(KioskBackend backend, Consumer<KioskSettings> onSaved, Runnable onClose, Runnable onLeave) {
        this.backend = backend;
        this.onSaved = onSaved;
        getStyleClass().addAll("overlay", "console");
        setId("console");
        setPadding(new Insets(20));
        title.getStyleClass().add("subtitle");
        for (ActionType action : ActionType.values()) {
            actions.put(action, new CheckBox());
        }
        for (Language language : Language.values()) {
            CheckBox offered = new CheckBox(Messages.of(language).languageName());
            offered.setStyle(Fonts.style(language));
            languages.put(language, offered);
        }
        level.getItems().setAll(DetectionLevel.values());
        for (TextField field : List.of(serviceUrl, market, applicationId, license, accessKey, secretKey, enrollmentCode, bankName,
                noticeUrl)) {
            field.setMaxWidth(640);
        }
        enrollmentCode.setId("enrollmentCode");
        bankName.setId("bankName");
        noticeUrl.setId("noticeUrl");
        resultImageSize.setId("resultImageSize");
        authorization.setId("authorization");
        camera.setEditable(true);
        camera.setId("camera");
        findCameras.setOnAction(event -> findCameras());
        showCamera.setId("showCamera");
        showCamera.setOnAction(event -> showCamera());
        cameraView.setId("cameraView");
        checkIdPhoto.setId("checkIdPhoto");
        checkIdPhoto.setOnAction(event -> checkIdPhoto());
        checkIdPhoto.setMinWidth(Region.USE_PREF_SIZE);
        idPhotoGuidance.setId("idPhotoGuidance");
        idPhotoGuidance.getStyleClass().add("subtitle");
        idPhotoGuidance.managedProperty().bind(idPhotoGuidance.textProperty().isNotEmpty());
        idPhotoGuidance.visibleProperty().bind(idPhotoGuidance.managedProperty());
        idCardGuide.setId("idCardGuide");
        idCardGuide.setFill(Color.TRANSPARENT);
        idCardGuide.setStroke(Color.LIMEGREEN);
        idCardGuide.setStrokeWidth(3);
        idCardGuide.setMouseTransparent(true);
        idCardGuide.setVisible(false);
        // The rectangle follows the picture's size on screen, as the kiosk measures it in the frame.
        cameraView.boundsInLocalProperty().addListener((property, before, shown) -> {
            double width = IdCardCapture.guideWidth(shown.getWidth(), shown.getHeight());
            idCardGuide.setWidth(width);
            idCardGuide.setHeight(width / IdCardCapture.CARD_ASPECT);
        });
        cameraProblem.setId("cameraProblem");
        cameraView.setFitWidth(PREVIEW_WIDTH);
        cameraView.setFitHeight(PREVIEW_WIDTH * 3 / 4.0);
        // Room for the preview and the camera's problem only while there is one to show.
        cameraView.managedProperty().bind(cameraView.imageProperty().isNotNull());
        cameraView.visibleProperty().bind(cameraView.managedProperty());
        cameraProblem.managedProperty().bind(cameraProblem.textProperty().isNotEmpty());
        cameraProblem.visibleProperty().bind(cameraProblem.managedProperty());
        findCameras.setMinWidth(Region.USE_PREF_SIZE);
        showCamera.setMinWidth(Region.USE_PREF_SIZE);
        cameraProblem.getStyleClass().add("problem");
        cameraProblem.setWrapText(true);
        save.setId("save");
        save.setOnAction(event -> save());
        close.setId("consoleClose");
        close.setOnAction(event -> {
            stopCamera();
            onClose.run();
        });
        leave.setId("leaveKiosk");
        leave.setOnAction(event -> {
            stopCamera();
            onLeave.run();
        });
        sendNow.setOnAction(event -> backend.sendPendingUploads().thenRun(() -> Platform.runLater(this::refreshOutbox)));
        history.setId("history");

        buildForm();
        buildHistory();
        ScrollPane scrolledForm = new ScrollPane(form);
        scrolledForm.setFitToWidth(true);
        settingsTab.setContent(scrolledForm);
        historyTab.setContent(history);
        outboxTab.setContent(new VBox(12, outbox, sendNow));
        tabs.getTabs().setAll(settingsTab, historyTab, outboxTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        HBox header = new HBox(24, title, version);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(saved, Priority.ALWAYS);
        saved.setMaxWidth(Double.MAX_VALUE);
        saved.setId("saved");
        for (Button button : List.of(save, close, leave)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox footer = new HBox(16, save, saved, close, leave);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(12, 0, 0, 0));
        setTop(header);
        setCenter(tabs);
        setBottom(footer);
    }

    private void buildForm() {
        form.setHgap(16);
        form.setVgap(8);
        form.setPadding(new Insets(16));
        // The labels take at most a third and wrap; the fields have the rest.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(33);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        FlowPane actionBoxes = new FlowPane(12, 6);
        actionBoxes.getChildren().addAll(actions.values());
        actionBoxes.getChildren().add(shuffle);
        FlowPane languageBoxes = new FlowPane(12, 6);
        languageBoxes.getChildren().addAll(languages.values());
        addRow(UiText.CONSOLE_SERVICE, serviceUrl);
        addRow(UiText.CONSOLE_MARKET, market);
        addRow(UiText.CONSOLE_APPLICATION_ID, applicationId);
        addRow(UiText.CONSOLE_LICENSE, license);
        addRow(UiText.CONSOLE_ACCESS_KEY, accessKey);
        addRow(UiText.CONSOLE_SECRET_KEY, secretKey);
        addRow(UiText.CONSOLE_ENROLLMENT_CODE, enrollmentCode);
        addRow(UiText.CONSOLE_AUTHORIZATION, authorization);
        StackPane preview = new StackPane(cameraView, idCardGuide);
        // As small as the picture, so that the rectangle is centred on it.
        preview.setMaxWidth(Region.USE_PREF_SIZE);
        preview.managedProperty().bind(cameraView.managedProperty());
        addRow(UiText.CONSOLE_CAMERA, new VBox(6, new HBox(8, camera, findCameras, showCamera, checkIdPhoto), idPhotoGuidance, preview,
                cameraProblem));
        addRow(UiText.CONSOLE_ACTIONS, new VBox(6, challengeFromService, actionBoxes, actionsDefault));
        addRow(UiText.CONSOLE_ACTION_TIME_LIMIT, actionTimeLimit);
        addRow(UiText.CONSOLE_PREPARE_TIME_LIMIT, prepareTimeLimit);
        addRow(UiText.CONSOLE_LEVEL, level);
        addRow(UiText.CONSOLE_RESULT_IMAGE_SIZE, resultImageSize);
        addRow(UiText.CONSOLE_LANGUAGES, languageBoxes);
        addRow(UiText.CONSOLE_BANK_NAME, bankName);
        addRow(UiText.CONSOLE_NOTICE_URL, noticeUrl);
        addRow(UiText.CONSOLE_IDLE, idleSeconds);
        addRow(UiText.CONSOLE_RETRIES, retries);
        form.add(new VBox(6, voice, recording, highContrast, largerText), 1, formLabels.size());
    }

    private void addRow(UiText text, Node field) {
        Label label = new FlowingLabel();
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        formLabels.add(label);
        formTexts.add(text);
        form.addRow(formLabels.size() - 1, label, field);
    }

    private void buildHistory() {
        timeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(messages.dateTime(row.getValue().time())));
        referenceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().customerReference().orElse("")));
        resultColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(result(row.getValue())));
        uploadColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(uploadState(row.getValue().upload())));
        history.getColumns().setAll(List.of(timeColumn, referenceColumn, resultColumn, uploadColumn));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** The verdict with the livenessId, or the code with what exactly happened: everything the customer was not shown. */
    private String result(HistoryEntry session) {
        if (session.livenessId().isPresent() || session.code().equals(HistoryEntry.SUCCESS)) {
            String verdict = messages.text(session.manualCheck() ? UiText.CONSOLE_VERDICT_MANUAL_CHECK
                    : UiText.CONSOLE_VERDICT_VERIFIED);
            String shown = session.livenessId().map(id -> verdict + ": " + id).orElse(verdict);
            // A line of its own under the verdict: a column of its own would squeeze the time and reference out at 1280 px.
            return session.review().map(review -> shown + "\n" + review(review)).orElse(shown);
        }
        return session.detail().isEmpty() ? session.code() : session.code() + ": " + session.detail();
    }

    /**
     * The bank's review of a manual check, in the operator's words, with the reviewer's reason cut to
     * {@link #REASON_SHOWN} characters: the column grows to its longest line, and a reason may take 500.
     */
    private String review(HistoryEntry.Review review) {
        String reason = review.reason().map(full -> full.length() > REASON_SHOWN ? full.substring(0, REASON_SHOWN - 1) + "…" : full)
                .orElse("");
        return switch (review.status()) {
            case PENDING -> messages.text(UiText.CONSOLE_REVIEW_PENDING);
            case APPROVED -> messages.text(UiText.CONSOLE_REVIEW_APPROVED, reason);
            case REJECTED -> messages.text(UiText.CONSOLE_REVIEW_REJECTED, reason);
        };
    }

    private String uploadState(HistoryEntry.UploadState state) {
        return messages.text(switch (state) {
            case SENT -> UiText.CONSOLE_UPLOAD_SENT;
            case WAITING -> UiText.CONSOLE_UPLOAD_WAITING;
            case REFUSED -> UiText.CONSOLE_UPLOAD_REFUSED;
            case NONE -> UiText.CONSOLE_UPLOAD_NONE;
        });
    }

    /** Fills the console with the current settings and asks the backend for the rest. */
    void open(KioskSettings current) {
        settings = current;
        tabs.getSelectionModel().select(settingsTab);
        serviceUrl.setText(current.serviceUrl());
        market.setText(current.market());
        applicationId.setText(current.applicationId());
        license.setText(current.license());
        accessKey.setText(current.accessKey());
        secretKey.setText(current.secretKey());
        enrollmentCode.setText(current.enrollmentCode());
        bankName.setText(current.bankName());
        noticeUrl.setText(current.noticeUrl());
        camera.setValue(current.source());
        challengeFromService.setSelected(current.challengeFromService());
        actions.forEach((action, box) -> box.setSelected(current.actions().contains(action)));
        shuffle.setSelected(current.shuffle());
        actionTimeLimit.getValueFactory().setValue(current.actionTimeLimitSeconds());
        prepareTimeLimit.getValueFactory().setValue(current.prepareTimeLimitSeconds());
        level.setValue(current.level());
        resultImageSize.getValueFactory().setValue(current.resultImageSize());
        languages.forEach((language, box) -> box.setSelected(current.languages().contains(language)));
        voice.setSelected(current.voice());
        recording.setSelected(current.recordSessions());
        highContrast.setSelected(current.highContrast());
        largerText.setSelected(current.largerText());
        idleSeconds.getValueFactory().setValue(current.idleSeconds());
        retries.getValueFactory().setValue(current.retries());
        saved.setText("");
        // A portrait captured before may be gone with a session since: the console says only what it sees now.
        idPhotoGuidance.setText("");
        version.setText(messages.text(UiText.CONSOLE_VERSION, backend.version()));
        authorization.setText("…");
        backend.authorization().thenAccept(status -> Platform.runLater(() -> authorization.setText(status.until()
                .map(until -> messages.text(UiText.CONSOLE_AUTHORIZED, messages.dateTime(until)))
                .orElseGet(() -> status.refusal().map(code -> code.name() + ": " + messages.explanation(code)).orElse(""))
                + status.certificate().map(certificate -> "\n" + messages.text(UiText.CONSOLE_CERTIFICATE, certificate.subject(),
                        messages.dateTime(certificate.expires()))).orElse(""))));
        // What the kiosk knows at once, then what the service says of the bank's review: never an error, offline included.
        backend.history().thenAccept(this::showHistory).thenCompose(shown -> backend.reviewedHistory()).thenAccept(this::showHistory);
        refreshOutbox();
    }

    private void showHistory(List<HistoryEntry> entries) {
        Platform.runLater(() -> history.getItems().setAll(entries));
    }

    private void refreshOutbox() {
        backend.pendingUploads().thenAccept(pending -> Platform.runLater(() -> {
            outbox.getChildren().clear();
            if (pending.isEmpty()) {
                outbox.getChildren().add(new Label(messages.text(UiText.CONSOLE_OUTBOX_EMPTY)));
            }
            pending.forEach(upload -> outbox.getChildren().add(
                    new Label(messages.dateTime(upload.since()) + "   " + upload.sessionId())));
        }));
    }

    /** Shows the chosen camera, so the operator sees what the customers will see. */
    private void showCamera() {
        stopCamera();
        cameraProblem.setText("");
        idPhotoGuidance.setText("");
        PreviewFrames frames = new PreviewFrames();
        cameraView.show(frames);
        cameraPreview = Optional.of(backend.showCamera(camera.getValue(), frames,
                problem -> Platform.runLater(() -> cameraProblem.setText(problem))));
    }

    /**
     * "Check ID photo": the chosen camera, larger, with the card's rectangle over it and the
     * customer's instruction above, until the kiosk has the card's portrait for the next session.
     */
    private void checkIdPhoto() {
        stopCamera();
        cameraProblem.setText("");
        PreviewFrames frames = new PreviewFrames();
        cameraView.setFitWidth(ID_PHOTO_PREVIEW_WIDTH);
        cameraView.setFitHeight(ID_PHOTO_PREVIEW_WIDTH * 3 / 4.0);
        cameraView.show(frames);
        idCardGuide.setVisible(true);
        long run = cameraStops;
        cameraPreview = Optional.of(backend.checkIdPhoto(camera.getValue(), frames, new KioskBackend.IdPhotoListener() {
            @Override
            public void guidance(IdCardCapture.Guidance guidance) {
                Platform.runLater(() -> {
                    if (run != cameraStops) {
                        return;
                    }
                    idPhotoGuidance.setText(messages.text(UiText.idPhoto(guidance)));
                    if (guidance == IdCardCapture.Guidance.CAPTURED) {
                        stopCamera();
                    }
                });
            }

            @Override
            public void failed(String reason) {
                Platform.runLater(() -> cameraProblem.setText(reason));
            }
        }));
    }

    private void stopCamera() {
        cameraStops++;
        cameraPreview.ifPresent(KioskBackend.CameraPreview::stop);
        cameraPreview = Optional.empty();
        cameraView.stop();
        idCardGuide.setVisible(false);
        cameraView.setFitWidth(PREVIEW_WIDTH);
        cameraView.setFitHeight(PREVIEW_WIDTH * 3 / 4.0);
    }

    private void findCameras() {
        backend.cameras().thenAccept(found -> Platform.runLater(() -> camera.getItems().setAll(found)));
    }

    private void save() {
        List<ActionType> chosenActions = actions.entrySet().stream().filter(entry -> entry.getValue().isSelected())
                .map(Map.Entry::getKey).toList();
        List<Language> offered = languages.entrySet().stream().filter(entry -> entry.getValue().isSelected())
                .map(Map.Entry::getKey).toList();
        KioskSettings chosen = new KioskSettings(serviceUrl.getText().strip(), market.getText().strip(),
                applicationId.getText().strip(), license.getText().strip(), accessKey.getText().strip(),
                secretKey.getText().strip(), camera.getValue() == null ? settings.source() : camera.getValue().strip(),
                challengeFromService.isSelected(), chosenActions, shuffle.isSelected(), actionTimeLimit.getValue(),
                prepareTimeLimit.getValue(), level.getValue(), offered, voice.isSelected(),
                recording.isSelected(), idleSeconds.getValue(), settings.pinHash(), enrollmentCode.getText().strip(),
                resultImageSize.getValue(), highContrast.isSelected(), largerText.isSelected(), retries.getValue(),
                bankName.getText().strip(), noticeUrl.getText().strip());
        List<UiText> problems = ConsoleSettings.problems(chosen);
        if (!problems.isEmpty()) {
            saved.getStyleClass().remove("problem");
            saved.getStyleClass().add("problem");
            saved.setText(problems.stream().map(messages::text).collect(Collectors.joining(". ")));
            return;
        }
        saved.getStyleClass().remove("problem");
        backend.save(chosen).thenRun(() -> Platform.runLater(() -> {
            settings = chosen;
            saved.setText(messages.text(UiText.CONSOLE_SAVED));
            onSaved.accept(chosen);
        }));
    }

    void relabel(Messages messages) {
        this.messages = messages;
        history.refresh();
        title.setText(messages.text(UiText.CONSOLE_TITLE));
        settingsTab.setText(messages.text(UiText.CONSOLE_SETTINGS));
        historyTab.setText(messages.text(UiText.CONSOLE_HISTORY));
        outboxTab.setText(messages.text(UiText.CONSOLE_OUTBOX));
        for (int row = 0; row < formLabels.size(); row++) {
            formLabels.get(row).setText(messages.text(formTexts.get(row)));
        }
        findCameras.setText(messages.text(UiText.CONSOLE_REFRESH_CAMERAS));
        showCamera.setText(messages.text(UiText.CONSOLE_SHOW_CAMERA));
        checkIdPhoto.setText(messages.text(UiText.CONSOLE_CHECK_ID_PHOTO));
        challengeFromService.setText(messages.text(UiText.CONSOLE_CHALLENGE_FROM_SERVICE));
        shuffle.setText(messages.text(UiText.CONSOLE_SHUFFLE));
        actionsDefault.setText(messages.text(UiText.CONSOLE_ACTIONS_DEFAULT));
        actions.forEach((action, box) -> box.setText(messages.action(action)));
        voice.setText(messages.text(UiText.CONSOLE_VOICE));
        recording.setText(messages.text(UiText.CONSOLE_RECORDING));
        highContrast.setText(messages.text(UiText.CONSOLE_HIGH_CONTRAST));
        largerText.setText(messages.text(UiText.CONSOLE_LARGER_TEXT));
        save.setText(messages.text(UiText.CONSOLE_SAVE));
        close.setText(messages.text(UiText.CONSOLE_CLOSE));
        leave.setText(messages.text(UiText.CONSOLE_LEAVE));
        sendNow.setText(messages.text(UiText.CONSOLE_RETRY_NOW));
        timeColumn.setText(messages.text(UiText.CONSOLE_TIME));
        referenceColumn.setText(messages.text(UiText.CONSOLE_REFERENCE));
        resultColumn.setText(messages.text(UiText.CONSOLE_RESULT));
        uploadColumn.setText(messages.text(UiText.CONSOLE_UPLOAD));
        // JavaFX's own "No content in table" is English only.
        history.setPlaceholder(new Label(messages.text(UiText.CONSOLE_NO_SESSIONS)));
    }
}
