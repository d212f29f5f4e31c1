/**
 * What customers and operators read and hear: the six languages and their messages. The kiosk's
 * screens build on this; nothing here decides liveness.
 */
package org.livenesskiosk.ui;
