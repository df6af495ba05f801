package dev.rapport.phone.web;

import dev.rapport.conversations.CustomerConversations;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerNote;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.phone.Call;
import dev.rapport.promises.Promise;

import java.util.List;
import java.util.Optional;

/**
 * What an agent sees of a caller while the phone rings: who they are and how to say it, what they care about, the
 * notes pinned about them, what we still owe them and what they last talked with us about; or an unknown number.
 */
public record CallerCard(Call call, Optional<Customer> customer, List<CustomerNote> pinned, List<Promise> openPromises,
                  List<MoneyOwed> moneyOwed, Optional<CustomerConversations.Summary> lastConversation, boolean mine) {

    public String heading() {
        if (call.state() == Call.State.ENDED) {
            return "Call ended";
        }
        if (call.state() == Call.State.ANSWERED) {
            return mine ? "On the phone with you" : "Answered by " + call.answeredByName();
        }
        return call.direction().filter(d -> d == Call.Direction.OUTBOUND).isPresent() ? "Calling" : "Incoming call";
    }

    public String number() {
        return call.theirNumberRaw() == null ? "Unknown number" : call.theirNumberRaw();
    }

    public boolean ringing() {
        return call.state() == Call.State.RINGING;
    }
}
