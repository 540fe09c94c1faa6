/**
 * String predicates and functions on raw UTF-8 bytes of text column chunks ({@code offsets}
 * plus {@code data}): LIKE / ILIKE ({@link org.yggdrasil.accel.strings.LikePattern}) and
 * LENGTH in characters ({@link org.yggdrasil.accel.strings.Utf8Length}), each also over a
 * dictionary-encoded chunk (once per distinct value). Vectorized kernels have scalar twins.
 */
package org.yggdrasil.accel.strings;
