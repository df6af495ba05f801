/**
 * Sample data for a first look: with {@code rapport.demo=true}, a freshly set-up Rapport is filled with a small
 * believable business, with promises already made to two customers, an overdue refund we owe one of them, authority
 * limits with a credit waiting for the lead's approval, escalation paths for billing questions and missing parts,
 * and a morning's calls (one missed, waiting to be called
 * back). It never touches a database that already had data. Listens to
 * {@link dev.rapport.business.BusinessSetUp}; publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "business", "conversations", "customers", "promises",
        "owed", "phone", "authority", "escalation"})
package dev.rapport.demo;
