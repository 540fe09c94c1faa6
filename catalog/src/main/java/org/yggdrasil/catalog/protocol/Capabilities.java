package org.yggdrasil.catalog.protocol;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one system is and which protocol layers it supports (spec "Capabilities"). The compliance
 * suite runs the properties of exactly these layers against the system.
 *
 * @param systemId the system's identity, unique within a database (e.g. {@code native}, or the
 *     server name given to CREATE SERVER)
 * @param systemType the adapter kind: {@code native}, {@code git}, {@code files}, {@code composite}
 * @param layers the supported layers
 * @param version the protocol version the adapter implements
 */
public record Capabilities(String systemId, String systemType, Set<Layer> layers, String version) {
  public static final String PROTOCOL_VERSION = "1.0";

  public Capabilities {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(systemType, "systemType");
    layers = layers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(layers));
    Objects.requireNonNull(version, "version");
  }

  public static Capabilities of(String systemId, String systemType, Layer... layers) {
    return new Capabilities(systemId, systemType, Set.of(layers), PROTOCOL_VERSION);
  }

  public boolean has(Layer layer) {
    return layers.contains(layer);
  }
}
