package org.alliance.app.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway when none is configured: sends nothing and says so in the log, without the number or the text. */
final class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public boolean send(String number, String text) {
        LOG.info(
                "No SMS gateway configured (alliance.sms.url): a text message of {} characters was not sent",
                text.length());
        return false;
    }

    @Override
    public boolean configured() {
        return false;
    }
}
