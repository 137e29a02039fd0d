// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

/**
 * Whether a framework version can still be changed.
 */
public enum VersionStatus {
    /** Being worked on; at most one per framework. */
    DRAFT,
    /** Read-only, kept for history. */
    PUBLISHED
}
