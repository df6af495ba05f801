/**
 * The reply coach: reads a draft reply or internal note before it is sent and marks what loses customers
 * (blame-shifting, sarcasm, sending people away, vague or false promises, a cold "no", shouting, a missing name, no
 * next step, contempt in notes), each with its exact span, why it hurts and a better move, and recognises the good
 * moves too. The engine is pure logic on rules that are data ({@code coach/rules-en.json}) and never blocks sending;
 * the web side adds the panel beside the composer and records dismissals ("I meant it") to tune the rules. Its REST endpoint looks up the customer's preferred name in the customers module;
 * the engine itself depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "customers", "conversations"})
package dev.rapport.coach;
