// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every source file says under which licence it is published, in its first lines.
 */
class LicenceHeaderTests {

    private static final List<String> CHECKED = List.of(".java", ".html", ".sql", ".properties", ".css", ".yaml",
            ".yml");

    @Test
    void everySourceFileCarriesTheEuplLicenceLine() throws IOException {
        List<Path> missing;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("src/test")))) {
            missing = files.filter(Files::isRegularFile)
                    .filter(f -> CHECKED.stream().anyMatch(ext -> f.toString().endsWith(ext)))
                    .filter(f -> !f.toString().contains("/fixtures/"))
                    .filter(f -> !hasLicenceLine(f))
                    .toList();
        }
        assertThat(missing).as("files without 'SPDX-License-Identifier: EUPL-1.2' in their first lines").isEmpty();
    }

    private static boolean hasLicenceLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.limit(5).anyMatch(line -> line.contains("SPDX-License-Identifier: EUPL-1.2"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
