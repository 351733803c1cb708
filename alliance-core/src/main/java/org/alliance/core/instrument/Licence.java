package org.alliance.core.instrument;

import java.util.Optional;

/**
 * The licence and copyright note that travels with an instrument and with every export of its data (FHIR
 * {@code Questionnaire.copyright} is the interoperable place for it).
 */
public record Licence(String name, String copyright, Optional<String> url) {}
