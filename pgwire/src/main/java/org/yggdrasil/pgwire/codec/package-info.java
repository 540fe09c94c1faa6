/**
 * The PostgreSQL v3 wire format: {@link org.yggdrasil.pgwire.codec.PgDecoder} frames and parses
 * frontend messages into {@link org.yggdrasil.pgwire.codec.FrontendMessage} values, and {@link
 * org.yggdrasil.pgwire.codec.Messages} writes backend messages. Nothing here holds connection
 * state beyond the decoder's framing phase.
 */
package org.yggdrasil.pgwire.codec;
