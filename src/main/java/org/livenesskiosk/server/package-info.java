/**
 * The reference liveness service: the open API the mobile SDK's provider documents (tokens,
 * licenses, signatureIds, results) and the kiosk-facing API (enrolment, authorization, evidence
 * upload), over real HTTP (Javalin), with storage in SQLite or a fleet's PostgreSQL. One class per
 * API ({@code OpenApiRoutes}, {@code KioskRoutes}, {@code Devices}, {@code ResultImages}: the best
 * and the audit image, {@code AuditFrame} choosing the latter), callers
 * identified before any route runs ({@code Authentication}: tokens, tickets, and on every kiosk
 * request the signature of an enrolled kiosk, {@code RequestSignatures}). Several nodes may share one
 * PostgreSQL database: every state that matters (single-use values, lock-outs, a session's one
 * result) lives there, the key in each node's own file or environment ({@code SecretBox}). For
 * those who run it: {@code Health}, {@code ServiceMetrics} (Prometheus), {@code Retention},
 * {@code FleetPage}. For the bank's reviewers: the queue of sessions left to a person and its signed
 * audit ({@code ReviewQueue}), the reviewers and their sessions ({@code Reviewers}), the page
 * ({@code ReviewPage}). One person, one moment: {@code SamePerson} and the replay index
 * ({@code Fingerprints}, {@code FaceBuckets}). Speaks {@code protocol}; never uses the client.
 */
package org.livenesskiosk.server;
