/**
 * The reply coach: reads a draft reply or internal note before it is sent and marks what loses customers
 * (blame-shifting, sarcasm, sending people away, vague or false promises, a cold "no", shouting, a missing name, no
 * next step, contempt in notes), each with its exact span, why it hurts and a better move, and recognises the good
 * moves too. Pure logic on rules that are data ({@code coach/rules-en.json}); it needs no database, publishes no
 * events and never blocks sending. Its REST endpoint looks up the customer's preferred name in the customers module;
 * the engine itself depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "customers"})
package dev.rapport.coach;
