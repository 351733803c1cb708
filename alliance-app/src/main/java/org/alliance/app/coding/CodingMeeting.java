package org.alliance.app.coding;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as the coding pages show it.
 *
 * @param clientAlias the client's alias for the meeting's professional; empty for a researcher, who sees
 *     pseudonymous data only
 */
public record CodingMeeting(
        long id, long clientId, long professionalId, LocalDate date, String kind, @Nullable String clientAlias) {}
