package org.alliance.app.caseload;

/** A client as the professional knows them: a pseudonymous alias and the organisation's internal id. */
public record Client(long id, long organisationId, long teamId, long professionalId, String alias, String internalId) {}
