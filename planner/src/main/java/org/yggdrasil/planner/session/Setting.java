package org.yggdrasil.planner.session;

import java.util.function.UnaryOperator;

/**
 * One session setting (PostgreSQL's GUC) as the registry declares it.
 *
 * @param name canonical name, as SHOW and ParameterStatus spell it (e.g. {@code DateStyle})
 * @param defaultValue value at session start unless the client's startup packet sets it
 * @param reported sent to the client as ParameterStatus at startup and whenever it changes
 * @param readOnly cannot be SET (e.g. server_version): 55P02
 * @param normalize validates and canonicalises a new value; throws SqlStateException 22023 for
 *     values it refuses
 * @param description one line for SHOW ALL
 */
public record Setting(String name, String defaultValue, boolean reported, boolean readOnly,
    UnaryOperator<String> normalize, String description) {}
