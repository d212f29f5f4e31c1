package org.livenesskiosk.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The language choice, "No flashing lights" for a customer whom flashes harm (the session then
 * skips the light step), the consent notice ({@link Consent}: what is captured and sent, to which
 * bank, how long it is kept, and the bank's full notice behind a QR code and a short link), the
 * customer reference, Start and "No thanks". The consent and the choices scroll when a small
 * screen or large text needs it; the agreement, Start and "No thanks" stay in the footer, always
 * in view. Nothing is captured before Start: the camera
 * opens with the session.
 */
final class WelcomeScreen extends BorderPane {

    /** Large enough for a phone at arm's length to read the notice's address. */
    private static final int NOTICE_CODE_SIZE = 160;

    private final Label title = new FlowingLabel();
    private final Label chooseLanguage = new FlowingLabel();
    private final FlowPane languages = new FlowPane(12, 12);
    private final ToggleGroup languageGroup = new ToggleGroup();
    /** Ticked: the screen shows this customer no colours (a photosensitive customer's choice, never asked of the others). */
    private final CheckBox noFlashes = new CheckBox();
    private final Label consentTitle = new FlowingLabel();
    private final Label consent = new FlowingLabel();
    private final Label kept = new FlowingLabel();
    private final Label notice = new FlowingLabel();
    /** The bank's full notice, for the customer's phone; shown only when the operator gave its address. */
    private final ImageView noticeCode = new ImageView();
    /** The box alone: its words are {@link #agreeText}, which wraps in every script and toggles it too. */
    private final CheckBox agree = new CheckBox();
    private final Label agreeText = new FlowingLabel();
    private final Label referenceLabel = new FlowingLabel();
    private final TextField reference = new TextField();
    private final Button start = new Button();
    private final Button noThanks = new Button();
    private Messages messages;
    private KioskSettings settings = KioskSettings.defaults();
    /** How long the service keeps what it receives, once it has said. */
    private Optional<KioskBackend.DataKept> dataKept = Optional.empty();

    /**
     * @param onLanguage told when the customer picks a language
     * @param onStart    told the customer's start: the language, the customer reference, whether flashes may show
     * @param onNoThanks told when the customer declines: nothing was captured, and nothing of them is kept
     */
    WelcomeScreen(Consumer<Language> onLanguage, Consumer<SessionRequest> onStart, Runnable onNoThanks) {
        getStyleClass().add("screen");
        title.getStyleClass().add("title");
        consentTitle.getStyleClass().add("subtitle");
        for (Label part : List.of(consent, kept, notice)) {
            part.getStyleClass().add("consent");
        }
        consent.setId("consent");
        kept.setId("consentKept");
        notice.setId("consentNotice");
        noticeCode.setId("noticeCode");
        noticeCode.setFitWidth(NOTICE_CODE_SIZE);
        noticeCode.setFitHeight(NOTICE_CODE_SIZE);
        noticeCode.managedProperty().bind(noticeCode.imageProperty().isNotNull());
        noticeCode.visibleProperty().bind(noticeCode.managedProperty());
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        agree.getStyleClass().add("agree");
        agree.setId("agree");
        agreeText.setId("agreeText");
        agreeText.getStyleClass().add("agree-text");
        agreeText.setLabelFor(agree);
        agreeText.setOnMouseClicked(event -> agree.fire());
        noFlashes.setId("noFlashes");
        reference.setId("customerReference");
        reference.setMaxWidth(420);
        referenceLabel.setLabelFor(reference);
        start.setId("start");
        start.getStyleClass().add("primary");
        start.setDefaultButton(true);
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.disableProperty().bind(agree.selectedProperty().not());
        noThanks.setId("noThanks");
        noThanks.setMinWidth(Region.USE_PREF_SIZE);
        noThanks.setOnAction(event -> onNoThanks.run());
        languages.setAlignment(Pos.CENTER);
        languageGroup.selectedToggleProperty().addListener((observed, before, now) -> {
            if (now == null) {
                languageGroup.selectToggle(before);
            } else {
                onLanguage.accept((Language) now.getUserData());
            }
        });
        start.setOnAction(event -> onStart.accept(new SessionRequest((Language) languageGroup.getSelectedToggle().getUserData(),
                Optional.of(reference.getText().strip()).filter(text -> !text.isEmpty()), !noFlashes.isSelected())));
        HBox.setHgrow(agreeText, Priority.ALWAYS);
        agreeText.setMaxWidth(Double.MAX_VALUE);
        ScreenRegions.contentAndFooter(this,
                // Staff enter the reference before the customer reads: it stays in view above the notice.
                new VBox(14, title, chooseLanguage, languages, noFlashes, referenceLabel, reference, consentTitle, consent, kept,
                        noticeRow()),
                ScreenRegions.footer(agree, agreeText, noThanks, start));
    }

    /** The notice's words beside its code, the code on the left where a reader's eye starts the line. */
    private HBox noticeRow() {
        HBox row = new HBox(16, noticeCode, notice);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The bank the consent names and its full notice, as the operator set them. */
    void bank(KioskSettings current) {
        if (!current.noticeUrl().equals(settings.noticeUrl()) || noticeCode.getImage() == null) {
            noticeCode.setImage(current.noticeUrl().isEmpty() ? null : QrCodes.of(current.noticeUrl(), NOTICE_CODE_SIZE));
        }
        settings = current;
        relabelConsent();
    }

    /** How long the service keeps the data, as it said; empty until it has, when the consent promises no number. */
    void dataKept(Optional<KioskBackend.DataKept> keeping) {
        dataKept = keeping;
        relabelConsent();
    }

    private void relabelConsent() {
        if (messages != null) {
            consent.setText(Consent.captured(messages, settings));
            kept.setText(Consent.kept(messages, settings, dataKept));
            notice.setText(Consent.notice(messages, settings));
        }
    }

    /** The languages on offer, each named in its own language and font. */
    void offer(List<Language> offered, Language current) {
        languages.getChildren().clear();
        languageGroup.getToggles().clear();
        for (Language language : offered) {
            ToggleButton button = new ToggleButton(Messages.of(language).languageName());
            button.setId("language-" + language.locale().getLanguage());
            button.setStyle(Fonts.style(language));
            button.getStyleClass().add("language");
            button.setUserData(language);
            button.setToggleGroup(languageGroup);
            languages.getChildren().add(button);
        }
        select(current);
    }

    void select(Language language) {
        languageGroup.getToggles().stream().filter(toggle -> toggle.getUserData() == language).findFirst()
                .ifPresent(languageGroup::selectToggle);
    }

    /** Ready for the next customer: nothing of the previous one stays. */
    void clear() {
        agree.setSelected(false);
        noFlashes.setSelected(false);
        reference.clear();
    }

    void relabel(Messages messages) {
        title.setText(messages.text(UiText.WELCOME_TITLE));
        chooseLanguage.setText(messages.text(UiText.WELCOME_CHOOSE_LANGUAGE));
        noFlashes.setText(messages.text(UiText.WELCOME_NO_FLASHES));
        consentTitle.setText(messages.text(UiText.WELCOME_CONSENT_TITLE));
        this.messages = messages;
        relabelConsent();
        agreeText.setText(messages.text(UiText.WELCOME_AGREE));
        referenceLabel.setText(messages.text(UiText.WELCOME_REFERENCE));
        start.setText(messages.text(UiText.WELCOME_START));
        noThanks.setText(messages.text(UiText.WELCOME_NO_THANKS));
    }
}
