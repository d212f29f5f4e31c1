/**
 * Where frames come from: recorded clips, folders of still frames and single images today; the
 * cameras join them later. Every frame carries its index and its timestamp in the source, and
 * everything downstream times itself from those, never from the wall clock.
 */
package org.livenesskiosk.capture;
