/**
 * The business that runs this Rapport (its name and time zone) and the one-time setup that creates it together with
 * the first admin, from the setup page or from {@code RAPPORT_ADMIN_EMAIL}/{@code RAPPORT_ADMIN_PASSWORD}. Publishes
 * {@link dev.rapport.business.BusinessSetUp}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents"})
package dev.rapport.business;
