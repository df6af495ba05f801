/**
 * Value types and infrastructure every module may use: the controllable {@link dev.rapport.shared.ControllableClock},
 * {@link dev.rapport.shared.EmailAddress}, {@link dev.rapport.shared.Money} (minor units and an ISO 4217 currency),
 * API problem details and the small web helpers the layout needs. It owns no tables of its own except the event
 * publication registry (whose listeners it runs on a small pool, {@code rapport.events.listener-threads}), and
 * publishes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.rapport.shared;
