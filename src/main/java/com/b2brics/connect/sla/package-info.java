/**
 * Response-time SLAs in working hours: calendars per storefront and partners' own hours, the
 * working-time arithmetic, response clocks of leads with reminders and breaches, and the partner
 * figures of /stats. Depends on invitations for their figures and gives them the measured lead
 * responses, never the reverse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA",
		allowedDependencies = { "catalog", "accounts", "telegram", "groups", "leads", "invitations", "partners", "core" })
package com.b2brics.connect.sla;
