package org.alliance.app.reminder;

/**
 * Sends one text message. {@link HttpSmsGateway} posts it to a provider's web address; {@link LoggingSmsGateway},
 * used when none is configured, only writes a line in the log (docs/deployment.md, "Sending links").
 */
public interface SmsGateway {

    /**
     * Sends the text to a mobile number in E.164 form.
     *
     * @return whether the gateway accepted the message
     */
    boolean send(String number, String text);

    /** Whether messages really leave the server. */
    boolean configured();
}
