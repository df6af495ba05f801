package dev.rapport.business;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the setup page asks for: the business and its first admin. */
public record SetupRequest(
        @NotBlank(message = "Tell us your business's name.") @Size(max = 200, message = "Use at most 200 characters.")
        String businessName,
        @NotBlank(message = "Choose a time zone.") String timeZone,
        @NotBlank(message = "Tell us your name.") @Size(max = 200, message = "Use at most 200 characters.")
        String adminName,
        @NotBlank(message = "Enter your email address.") @Email(message = "Enter an email address like maria@example.com.")
        String adminEmail,
        String adminPassword) {
}
