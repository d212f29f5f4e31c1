/**
 * Where frames come from: recorded clips, folders of still frames, single images, OpenCV and
 * webcam-capture cameras, and recording a session to replay it. Every frame carries its index and
 * its timestamp in the source, and everything downstream times itself from those, never from the
 * wall clock. Uses nothing else of the project.
 */
package org.livenesskiosk.capture;
