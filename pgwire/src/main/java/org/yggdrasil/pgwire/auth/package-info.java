/**
 * Password authentication: SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL implements it, over
 * verifiers kept in memory ({@link org.yggdrasil.pgwire.auth.Credentials}); the protocol
 * messages around it are in {@link org.yggdrasil.pgwire.session}.
 */
package org.yggdrasil.pgwire.auth;
