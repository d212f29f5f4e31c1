/**
 * What customers and operators see and hear: the JavaFX kiosk window and its screens (welcome,
 * detection with its far/near and get-ready steps, verifying, result), the operator console behind its PIN, the
 * six languages (the console's "Check ID photo" too: its rectangle and the card holder's instruction), their fonts, line breaking and what is said aloud ({@code Spoken}: every instruction and the result), and the look (AtlantaFX's Primer
 * Light under {@code kiosk.css}, with high contrast and larger text). Each screen is laid out in
 * regions that cannot overlap (top bar, content or prompt and preview, footer); text wraps by its
 * own line breaks ({@link org.livenesskiosk.ui.FlowingLabel}); the oval judges where the face is
 * by the session's own rule ({@link org.livenesskiosk.ui.FaceFit}). The rules behind the views — the
 * customer's flow ({@code KioskFlow}: screen, language, stale sessions, retries, idle time), what the
 * consent states ({@code Consent}: the bank, its notice, the service's own retention numbers), what the
 * detection screen says ({@code Guidance}: one instruction, the dots, the ticks), what a customer is
 * told of a result ({@code CustomerResult}: never a code, which is the operator's), the console's
 * settings ({@code ConsoleSettings}), the light step's timing ({@code LightPlayer}: which colour each display
 * pulse shows, and when each really showed), {@code LineBreaks}, {@code FaceFit}, {@link org.livenesskiosk.ui.PinLock} —
 * are plain classes, tested without a display; the views follow them. The screens
 * observe a session through {@link org.livenesskiosk.ui.KioskBackend} and never wait for it;
 * nothing here decides liveness. Uses {@code liveness} only: never the service, the HTTP client or JDBC.
 */
package org.livenesskiosk.ui;
