/**
 * The per-connection protocol state machine, modeled on PostgreSQL's backend ({@code
 * postgres.c}): startup, simple query, the extended protocol with its named statements and
 * portals and its skip-until-Sync rule after errors, and result streaming with backpressure.
 * This is the only package that holds connection state; it talks to the engine only through
 * {@link org.yggdrasil.planner.session.Session}.
 *
 * <p>Threading: {@link org.yggdrasil.pgwire.session.PgConnectionHandler} runs on the Netty event
 * loop and only queues decoded messages; each connection's {@link
 * org.yggdrasil.pgwire.session.ConnectionWorker} (a virtual thread) runs the state machine in
 * order and may block — on the engine, or on a slow client while streaming rows.
 */
package org.yggdrasil.pgwire.session;
