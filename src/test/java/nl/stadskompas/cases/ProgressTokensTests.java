// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Progress link tokens: long enough, random, URL-safe, and stored only as a hash.
 */
class ProgressTokensTests {

    @Test
    void aTokenHasAtLeast128RandomBitsInUrlSafeCharacters() {
        String token = ProgressTokens.generate();
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(ProgressTokens.wellFormed(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ProgressTokens.generate())).isTrue();
        }
    }

    @Test
    void theHashIsSha256InHexAndRevealsNothingOfTheToken() {
        String token = ProgressTokens.generate();
        String hash = ProgressTokens.hash(token);
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ProgressTokens.hash(token)).doesNotContain(token);
        // A known SHA-256 value, so the hash stays the same across versions (stored links keep working).
        assertThat(ProgressTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void malformedTokensAreRecognisedWithoutLookingThemUp() {
        assertThat(ProgressTokens.wellFormed(null)).isFalse();
        assertThat(ProgressTokens.wellFormed("")).isFalse();
        assertThat(ProgressTokens.wellFormed("kort")).isFalse();
        assertThat(ProgressTokens.wellFormed("A".repeat(31) + "=")).isFalse();
        assertThat(ProgressTokens.wellFormed("A".repeat(33))).isFalse();
    }
}
