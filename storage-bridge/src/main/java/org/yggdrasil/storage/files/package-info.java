/**
 * The {@code files} adapter: a directory of CSV and JSON-lines files as versioned tables.
 *
 * <h2>Tables</h2>
 * Every {@code *.csv}, {@code *.jsonl} and {@code *.ndjson} file directly inside the directory
 * (not hidden, not in subdirectories) is a table named after the file without its extension,
 * lower-cased, other characters than {@code a-z 0-9 _} replaced by {@code _} (two files with the
 * same name keep their extension: {@code dup_csv}, {@code dup_jsonl}). CSV files have a header
 * row and RFC 4180 quoting; an unquoted empty field is NULL, a quoted one the empty string. A
 * JSON-lines file has one object per line; the union of the keys are the columns. Column types
 * are inferred as DuckDB's {@code read_csv_auto} does: bigint, double precision, boolean, date,
 * timestamp with time zone (UTC when no offset is given), else text. Tables have no key:
 * UPDATE and DELETE address the first row equal to the old row.
 *
 * <h2>Versions</h2>
 * Branch {@code main} is the directory. A snapshot is a manifest (file name → SHA-256 of its
 * bytes) with parents and an HLC; its id is the hash of the manifest and the parents, its
 * content hash the hash of the manifest alone. Taking one copies the files into the state
 * directory ({@code blobs/<sha256>}), so old snapshots stay readable whatever happens to the
 * directory. Edits made in the directory from outside become part of main at its next commit
 * ({@link org.yggdrasil.storage.files.FilesSystem#commit}, which records nothing when nothing
 * changed). Other branches are manifests over the blob store: writing to them never touches the
 * directory. Changes to main (row writes, merges, resets) record pending outside edits first,
 * then write the files into the directory (each atomically: temporary file, then rename).
 *
 * <h2>Merge</h2>
 * Three-way, per file: a file one side changed takes that side. A file both changed is merged
 * record by record like {@code diff3} (changes to different rows both apply; rows both sides
 * appended are all kept, the target's first); changes to the same rows, a changed CSV header or
 * a file deleted on one side and changed on the other are conflicts on the file's path,
 * resolved by the merge policy (FAIL changes nothing).
 *
 * <h2>State</h2>
 * {@code stateDir/refs.json} (branch heads and the clock's high-water mark), {@code
 * stateDir/snapshots/<id>.json} (manifest, parents, HLC, message) and {@code stateDir/blobs}.
 * Garbage collection deletes snapshots no branch reaches and blobs no snapshot names.
 */
package org.yggdrasil.storage.files;
