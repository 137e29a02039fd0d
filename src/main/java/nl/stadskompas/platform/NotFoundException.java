// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

/**
 * Thrown when a requested item does not exist in the current tenant. Pages answer with the plain
 * "not found" page and the API with 404; an item of another tenant is reported the same way, so
 * nobody learns that it exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
