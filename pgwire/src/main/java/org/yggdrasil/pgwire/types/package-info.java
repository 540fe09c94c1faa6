/**
 * PostgreSQL data types on the wire: one class per type, each a singleton that formats and
 * parses values exactly as PostgreSQL's {@code typoutput}/{@code typinput} (text format) and
 * {@code typsend}/{@code typreceive} (binary format) do. {@link org.yggdrasil.pgwire.types.PgTypes}
 * maps OIDs to types. The Java value carried for each OID is fixed by
 * {@link org.yggdrasil.planner.session.PgOid}.
 */
package org.yggdrasil.pgwire.types;
