-- \l and \du: Yggdrasil's own expected output (catalog_server.out), reviewed against
-- PostgreSQL 15's. Where it must differ from a PostgreSQL cluster:
--   \l  lists the server's databases (no template0/template1); collation and ctype are "C"
--       (Yggdrasil compares text by code point) and there are no access privileges.
--   \du lists the session user as a superuser; there is no bootstrap role "postgres".
\l ygg
\du
