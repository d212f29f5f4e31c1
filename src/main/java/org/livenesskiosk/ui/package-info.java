/**
 * What customers and operators see and hear: the JavaFX kiosk window and its screens (welcome,
 * detection, verifying, result), the operator console behind its PIN, the six languages, their
 * fonts and spoken prompts. The screens observe a session through {@link org.livenesskiosk.ui.KioskBackend}
 * and never wait for it; nothing here decides liveness. Uses {@code liveness} only: never the
 * service, the HTTP client or JDBC.
 */
package org.livenesskiosk.ui;
