package org.alliance.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The web application. Started by the {@code serve} and {@code demo} commands. */
@SpringBootApplication
public class AllianceApplication {}
