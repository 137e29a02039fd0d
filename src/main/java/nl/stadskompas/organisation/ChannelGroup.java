// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

/**
 * The three ways a resident and the municipality meet, as service design in Dutch municipalities
 * groups channels ("klik, bel, face"). Reports and journeys compare channels per group, so every
 * {@link Channel} belongs to exactly one.
 */
public enum ChannelGroup {
    /** In writing, at a moment that suits the resident: web forms, e-mail, chat, WhatsApp, letters. */
    CLICK,
    /** A live conversation at a distance: the phone and a video call. */
    CALL,
    /** In person, at the desk. */
    FACE;

    /** The message key of the group's name as users read it. */
    public String messageKey() {
        return "organisation.channelGroup." + name();
    }
}
