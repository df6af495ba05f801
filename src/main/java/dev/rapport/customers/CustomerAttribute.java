package dev.rapport.customers;

/**
 * A customer's value for one attribute the admin defined ({@link AttributeDefinition}), stored in the attribute's
 * normal form: numbers as plain decimals, dates as ISO dates, choices spelled as defined.
 */
public record CustomerAttribute(String attribute, String content) {
}
