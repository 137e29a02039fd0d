// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Stadskompas: one application whose top-level packages are the modules of the product.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class Stadskompas {

    public static void main(String[] args) {
        SpringApplication.run(Stadskompas.class, args);
    }
}
