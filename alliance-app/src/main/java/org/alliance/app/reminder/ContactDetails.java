package org.alliance.app.reminder;

import java.time.Instant;

/**
 * A client's e-mail address or mobile number, entered by the professional with the client's consent.
 *
 * @param address an e-mail address, or a mobile number in E.164 form ({@code +31612345678})
 * @param consentAt when the professional recorded the client's consent
 * @param consentBy the professional who recorded it
 */
public record ContactDetails(long clientId, Channel channel, String address, Instant consentAt, long consentBy) {

    public ContactDetails {
        if (address.isBlank()) {
            throw new IllegalArgumentException("a contact address must not be blank, client " + clientId);
        }
    }

    /**
     * The address as the invitation form shows it, enough to recognise it and no more: the first letter and the
     * domain of an e-mail address ({@code k…@example.org}), the last three digits of a number ({@code …678}).
     */
    public String masked() {
        if (channel == Channel.EMAIL) {
            int at = address.indexOf('@');
            return address.charAt(0) + "…" + address.substring(at);
        }
        return "…" + address.substring(address.length() - 3);
    }
}
