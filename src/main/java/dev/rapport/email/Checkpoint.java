package dev.rapport.email;

/**
 * The points between ingestion's steps (stored, processing, acknowledged on the server). Production does nothing
 * there; the crash test interrupts them to prove every message still arrives exactly once.
 */
@FunctionalInterface
public interface Checkpoint {

    enum Step { STORED, PROCESSING, PROCESSED, ACKNOWLEDGED }

    void reached(Step step);
}
