package org.alliance.core.scoring;

/**
 * Where a number comes from, so any score in a report can be traced: which instrument (id and version), which
 * rule, which software.
 */
public record Provenance(String instrument, String instrumentVersion, String rule, String software) {}
