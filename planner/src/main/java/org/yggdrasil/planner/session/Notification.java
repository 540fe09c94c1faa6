package org.yggdrasil.planner.session;

/**
 * A NOTIFY as a listening session receives it.
 *
 * @param processId the notifying session's process id (0 for the server itself)
 * @param channel the channel name
 * @param payload the payload, empty when none was given
 */
public record Notification(int processId, String channel, String payload) {}
