package dev.rapport.authority;

/**
 * A grant beyond the agent's limits: larger than they may grant per case, more than is left of this month's budget, an
 * exception they may not grant, or a currency their limit is not in. Nothing was granted; the message says why and
 * that it needs an approval.
 */
public class NeedsApproval extends RuntimeException {

    NeedsApproval(String message) {
        super(message);
    }
}
