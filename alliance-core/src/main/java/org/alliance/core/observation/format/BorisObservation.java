package org.alliance.core.observation.format;

/**
 * One observation (one coded session) from BORIS.
 *
 * @param id the observation id
 * @param date the observation date as written by BORIS; empty when absent
 * @param description free text; empty when absent
 * @param data its events, the project's scheme, and notes on pairing and repairs
 */
public record BorisObservation(String id, String date, String description, ObservationData data) {}
