// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * A submission that is not what the response page sends: an unknown question, a value that no
 * option or scale has, a missing or malformed token, a filled-in honeypot, or too many submissions
 * from one place. Nothing is stored; the respondent sees a plain explanation.
 */
public class SubmissionRefused extends RuntimeException {

    private final String messageCode;
    private final Object[] args;

    public SubmissionRefused(String messageCode, Object... args) {
        super(messageCode);
        this.messageCode = messageCode;
        this.args = args;
    }

    /** The message key of the plain-language explanation. */
    public String messageCode() {
        return messageCode;
    }

    public Object[] args() {
        return args;
    }
}
