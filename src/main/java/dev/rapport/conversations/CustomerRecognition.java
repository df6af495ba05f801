package dev.rapport.conversations;

import dev.rapport.agents.Agent;

import java.util.Optional;
import java.util.UUID;

/**
 * The conversations module's question to whoever knows customers (the customers module implements it): who is this
 * requester, and who knows them best? Without an implementation every requester is a stranger.
 */
public interface CustomerRecognition {

    /** Finds the customer behind the requester by their identities, or creates one, and says who knows them. */
    Recognised recognise(Requester requester);

    /** What the customer likes to be called, for the reply greeting. */
    Optional<String> greetingName(UUID customerId);

    /**
     * @param customerId  the customer, or null for a stranger
     * @param callThem    what they like to be called
     * @param theirPerson the agent who knows them best, if any
     * @param helped      how many of their conversations that agent has helped with
     */
    record Recognised(UUID customerId, String callThem, Agent.AgentId theirPerson, int helped) {

        public static Recognised stranger() {
            return new Recognised(null, null, null, 0);
        }
    }

    CustomerRecognition NOBODY = new CustomerRecognition() {
        @Override
        public Recognised recognise(Requester requester) {
            return Recognised.stranger();
        }

        @Override
        public Optional<String> greetingName(UUID customerId) {
            return Optional.empty();
        }
    };
}
