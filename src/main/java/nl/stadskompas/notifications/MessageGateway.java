// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.util.UUID;

/**
 * Sends text messages and letters through an outside service (a NotifyNL or GOV.UK Notify style
 * gateway, see {@link NotifyGateway}). Without a gateway configured, SMS and letters wait in the
 * message log, as e-mail waits without an SMTP server.
 */
public interface MessageGateway {

    /**
     * Sends a text message.
     *
     * @param reference our message id, which the gateway returns in its delivery receipts
     * @return the gateway's id of the message
     * @throws GatewayException when the gateway refused or could not be reached
     */
    String sendSms(UUID reference, String phoneNumber, String text) throws GatewayException;

    /**
     * Hands over a letter to print and post.
     *
     * @param reference our message id, which the gateway returns in its delivery receipts
     * @param pdf the letter, address included, as a PDF
     * @return the gateway's id of the letter
     * @throws GatewayException when the gateway refused or could not be reached
     */
    String sendLetter(UUID reference, byte[] pdf) throws GatewayException;

    /** The gateway did not take the message. */
    final class GatewayException extends Exception {

        private final boolean temporary;

        public GatewayException(String message, boolean temporary) {
            super(message);
            this.temporary = temporary;
        }

        /** Whether trying again later may work (gateway away, too many requests); else the message is refused. */
        public boolean temporary() {
            return temporary;
        }
    }
}
