package dev.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Rapport: a customer service desk that remembers every customer as a person and keeps every promise made to them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Rapport", sharedModules = "shared")
public class RapportApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapportApplication.class, args);
    }
}
