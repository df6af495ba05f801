/**
 * Customers: the person behind every conversation. A customer has a number and a name, the name they like to be
 * called and how to say it, every way they reach us (identities: email addresses, phone numbers in E.164, chat
 * visitors, shop ids; each belongs to exactly one customer), their organisation, segment and value, their passions,
 * personal notes, do-not-contact flags and "their person", the agent who knows them best. The module recognises the
 * customer behind each new conversation for the conversations module (through its {@code CustomerRecognition} port)
 * and offers it to their person first; it reads conversation history from the conversations module, never the
 * other way round. Merging, export and erasure are audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.rapport.customers;
