package org.alliance.app.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (the nightly retention run). Each job makes sure for itself that it runs once when several
 * servers share one database (a claim row per run), so no job relies on there being a single server.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
