// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

/**
 * An entry of the back-office navigation, contributed by a module as a bean. The page shell shows
 * only the entries the signed-in user is allowed to use, in {@link #order()}.
 *
 * @param messageKey message key of the label
 * @param path the page it leads to, for example {@code /framework}
 * @param permission what the user needs to see the entry
 * @param order position, low first
 */
public record NavigationItem(String messageKey, String path, Permission permission, int order) {
}
