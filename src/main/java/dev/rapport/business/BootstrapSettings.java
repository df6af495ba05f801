package dev.rapport.business;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Setup without the setup page, for automated installs: when {@code rapport.admin.email} and
 * {@code rapport.admin.password} are set and the database is empty, Rapport sets itself up at start.
 *
 * @param email    the first admin's email ({@code RAPPORT_ADMIN_EMAIL})
 * @param password the first admin's password ({@code RAPPORT_ADMIN_PASSWORD}); never logged
 * @param name     the first admin's name
 */
@ConfigurationProperties("rapport.admin")
public record BootstrapSettings(String email, String password, @DefaultValue("Admin") String name) {

    public boolean isRequested() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapSettings[email=" + email + ", password=" + (password == null ? "unset" : "[hidden]") + "]";
    }
}
