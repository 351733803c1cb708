package org.alliance.core.expectations;

/** When the expectations are asked: at intake (what I expect) or at the revisit (how it went). Stored by name. */
public enum Occasion {
    INTAKE,
    REVISIT
}
