/**
 * The business that runs this Rapport (its name, time zone and business hours, with a team's own hours where it works
 * others) and the one-time setup that creates it together with the first admin, from the setup page or from
 * {@code RAPPORT_ADMIN_EMAIL}/{@code RAPPORT_ADMIN_PASSWORD}. {@link dev.rapport.business.BusinessCalendar} turns the
 * hours into deadlines for other modules. Publishes {@link dev.rapport.business.BusinessSetUp}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents"})
package dev.rapport.business;
