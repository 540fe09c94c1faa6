/**
 * The runnable server: {@link org.yggdrasil.pgwire.server.PgServer} (Netty bootstrap) and {@link
 * org.yggdrasil.pgwire.server.Main} (the {@code ygg} command line). The one place that wires the
 * wire protocol to an engine.
 */
package org.yggdrasil.pgwire.server;
