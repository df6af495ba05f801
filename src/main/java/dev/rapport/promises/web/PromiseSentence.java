package dev.rapport.promises.web;

import dev.rapport.conversations.Channel;
import dev.rapport.shared.web.SpokenTimes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The promise in the plain words the customer reads: "I will send the replacement engine by Friday at 5 pm; Maria
 * will email you by Friday at 6 pm." Times in the business's time zone, as near as words allow ("today", "tomorrow",
 * a weekday within the week, else the date).
 */
final class PromiseSentence {

    /** Who does something: an agent (by id and name) or a team. */
    record Party(UUID id, String name, boolean team) {
    }

    private PromiseSentence() {
    }

    static String of(String what, Party doer, Party contact, Instant due, Instant contactAt, Channel channel,
                     UUID speaker, ZoneId zone, Instant now) {
        String work = subject(doer, speaker, true) + " will " + task(what) + " by " + when(due, zone, now);
        Party teller = contact == null ? doer : contact;
        Instant tellAt = contactAt == null ? due : contactAt;
        if (teller.equals(doer) && tellAt.equals(due)) {
            return work + " and " + verb(channel) + " you by then.";
        }
        return work + "; " + subject(teller, speaker, false) + " will " + verb(channel) + " you by "
                + when(tellAt, zone, now) + ".";
    }

    private static String subject(Party party, UUID speaker, boolean startsSentence) {
        if (!party.team() && party.id().equals(speaker)) {
            return "I";
        }
        if (party.team()) {
            return (startsSentence ? "Our " : "our ") + party.name() + " team";
        }
        return party.name().strip().split("\\s+")[0];
    }

    private static String task(String what) {
        String text = what.strip().replaceAll("[.!]+$", "");
        boolean capitalisedWord = text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && Character.isLowerCase(text.charAt(1));
        return capitalisedWord && !text.startsWith("I ") ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
    }

    private static String verb(Channel channel) {
        return switch (channel) {
            case PHONE, WALK_IN -> "call";
            case CHAT -> "message";
            default -> "email";
        };
    }

    static String when(Instant at, ZoneId zone, Instant now) {
        return SpokenTimes.when(at, zone, now);
    }
}
