/**
 * A seeded generator of believable demo and test data: organisations, teams, professionals, pseudonymous
 * clients, meetings and check-ins whose answers follow a known factor structure.
 */
@NullMarked
package org.alliance.core.demo;

import org.jspecify.annotations.NullMarked;
