/**
 * The kiosk's client of the liveness service (OkHttp + Gson): the mobile SDK's calls in Java,
 * with every failure mapped to the public error codes, and any code the kiosk does not know
 * passed through as it came.
 */
package org.livenesskiosk.service;
