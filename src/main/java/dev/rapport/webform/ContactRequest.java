package dev.rapport.webform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a customer fills in on the contact page. {@code website} is a honeypot: hidden from people, filled by bots.
 */
public record ContactRequest(
        @NotBlank(message = "Tell us your name.") @Size(max = 200, message = "Use at most 200 characters.") String name,
        @NotBlank(message = "Tell us your email address, so we can answer.")
        @Email(message = "Enter an email address like ana@example.com.") @Size(max = 254) String email,
        @Size(max = 200, message = "Use at most 200 characters.") String subject,
        @NotBlank(message = "Tell us what it is about.") @Size(max = 20000, message = "Use at most 20,000 characters.")
        String message,
        String website) {

    public static ContactRequest empty() {
        return new ContactRequest("", "", "", "", "");
    }

    public boolean looksLikeABot() {
        return website != null && !website.isBlank();
    }
}
